// TypeScript declarations of the jtel-widgets npm package (written by hand: wasm-bindgen runs
// with --no-typescript). The option interfaces list exactly the keys the widgets read
// (src/embed/config.rs); a host test (npm_declarations in that file) fails when they drift.
// Reference: docs/options.md (options and the form's API) and docs/events.md (events).

/**
 * Resolved once the WebAssembly module is running and the custom elements are defined (with the
 * wasm's exports). Rejected with a {@link StartError} when it cannot run (no WebAssembly, a
 * Content-Security-Policy without `'wasm-unsafe-eval'`). The code starts at once unless every
 * widget on the page is `loading: "lazy"` (docs/embedding.md).
 */
export declare const ready: Promise<unknown>;

/** Why the widget code cannot start: `ready` promises reject with it. */
export interface StartError extends Error {
  code: "unsupported" | "load-failed";
}

/**
 * Renders the widget named by `options.widget` (default `"acd-event-form"`) into `element`'s
 * open shadow root. Throws for an unknown widget, a widget this bundle does not hold, or an
 * element that cannot hold a shadow root. Called before the widget code runs (or with
 * `loading: "lazy"`), the handle waits for it: `ready` and the commands settle once the widget
 * is mounted (`reset()` and `setValues()` then return promises), and reject with a
 * {@link StartError} when it cannot start; those errors then reject `ready` instead of throwing.
 */
export declare function mount(element: Element, options?: AcdEventFormMountOptions): AcdEventFormHandle;
export declare function mount(element: Element, options: CockpitVariableMountOptions): WidgetHandle<CockpitVariableOptions>;
export declare function mount(element: Element, options: CockpitVariablesMountOptions): WidgetHandle<CockpitVariablesOptions>;

/** A whole number, as a number or as its text. */
export type WholeNumber = number | `${number}`;

/** Yes/no options take booleans or `"on"`/`"off"` (also `"true"`/`"false"`). */
export type Flag = boolean | "on" | "off" | "true" | "false";

/** The languages the widgets speak; language tags such as `de-AT` are read by their language. */
export type Language = "en" | "de" | (string & {});

/** The event kinds by name (`workflow` is another name of `ticket`). */
export type EventKind = "callback" | "voicemail" | "fax" | "sms" | "email" | "ticket" | "workflow";

/** The fields of an ACD event form by their jtel names (`setValues()` keys). */
export type FormField =
  | "AcdEventTypesID"
  | "AcdGroupsID"
  | "UsersID"
  | "Receiver"
  | "Sender"
  | "Subject"
  | "Body"
  | "CrmURL"
  | "UserData"
  | "PreferredTime";

/** The fields `readOnly` can make read-only and `hiddenFields` can hide. */
export type ReadOnlyField = "Sender" | "Receiver" | "Subject" | "Body" | "CrmURL" | "UserData";

/** The settings every widget reads. */
export interface CommonOptions {
  /** The jtel API: the gateway path or URL, or `https://host:port/rest/v1.0/{ClientsID}` in direct mode. Default `/jtel`. */
  baseUrl?: string;
  /**
   * With the gateway: the staff token your CRM's backend signs, or a function that returns it
   * (or a promise of it). A function is asked when a token is first needed and once more when
   * the gateway refuses it (401, expired). A property or option only, never an attribute; not
   * stored, and reads back as `undefined` (docs/options.md#credentials).
   */
  credentials?: string | (() => string | Promise<string>);
  /** Direct mode only: the jtel token (readable by the browser user). */
  token?: string;
  /** Seconds each request waits for an answer, 1 to 3600. Default 20. */
  timeout?: WholeNumber;
  /** `en` (default) or `de`. */
  lang?: Language;
  /** Your own words for any text, by text key (docs/texts.md); an object or its JSON text. */
  texts?: Record<string, string> | string;
  /** `lazy`: load the widget code only when the widget nears the viewport or gets focus. Default `eager`. */
  loading?: "eager" | "lazy";
  /** Level of the widget's title, 1 to 6, to fit the page's outline (a variable opened in the list is one below it). Default 2. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6 | "1" | "2" | "3" | "4" | "5" | "6";
}

/** The settings of `<jtel-acd-event-form>` (attributes in kebab-case, properties and options in camelCase). */
export interface AcdEventFormOptions extends CommonOptions {
  /** An event kind, a type id, or `choose` (a picker). Default `callback`. */
  eventType?: EventKind | "choose" | WholeNumber;
  /** An `AcdGroupsID`, or `choose` (default). */
  group?: WholeNumber | "choose";
  /** A `UsersID`, `choose`, or empty for the group queue (default). */
  agent?: WholeNumber | "choose" | "";
  /** The service number (E.164) for telephone kinds, or `choose`. */
  receiver?: string;
  /** ISO 3166-1 region that reads numbers typed in national format. Default `DE`. */
  region?: string;
  /** Alias of `region` for a calling code that belongs to one region (`49`, `+43`). */
  countryCode?: string | number;
  /** Composes `Subject` from placeholders (`{Sender}`, `{date}`, …) instead of asking for it. */
  subjectTemplate?: string;
  /** The template for a callback without a preferred time. */
  subjectTemplateAsap?: string;
  /** The call centre's service hours (`Mo-Fr 08:00-18:00`). */
  callbackHours?: string;
  /** The call centre's time zone (`Europe/Berlin`). */
  callbackZone?: string;
  /** Fields shown but not editable: an array or a comma list. */
  readOnly?: ReadOnlyField[] | string;
  /** Fields not shown (their prefill is still sent): an array or a comma list. */
  hiddenFields?: ReadOnlyField[] | string;
  /** Prefill from the CRM record. */
  sender?: string;
  /** Prefill from the CRM record. */
  subject?: string;
  /** Prefill from the CRM record (callbacks only). */
  body?: string;
  /** Prefill: a link to the CRM record (http or https). */
  crmUrl?: string;
  /** Prefill: the CRM's own reference. */
  userData?: string | number;
  /** Where drafts survive a page reload (`sessionStorage`). Default: the element's `id`. */
  draftKey?: string;
  /** `false` keeps nothing in the browser. Default `true`. */
  storeDraft?: Flag;
  /** The CRM record the form is about: one draft per record. Default `userData`, else `crmUrl`. */
  record?: string | number;
  /** The draft key when `draftKey` is not set (for `mount()`; elements have their own `id`). */
  id?: string;
}

/** How setValue carries the value: in the path (default) or in the query. */
export type SetValueForm = "path" | "query";

/** The settings of `<jtel-cockpit-variable>`. */
export interface CockpitVariableOptions extends CommonOptions {
  /** The `CockpitVariablesID`. */
  variable?: WholeNumber;
  /** Reload the value every this many seconds; 0 loads it once. */
  refreshSeconds?: WholeNumber;
  /** How setValue carries the value first (the other form is tried once on "no such route"). */
  setValueForm?: SetValueForm;
}

/** The settings of `<jtel-cockpit-variables>`. */
export interface CockpitVariablesOptions extends CommonOptions {
  /** How setValue carries the value first. */
  setValueForm?: SetValueForm;
}

/** `mount()` options for an ACD event form. */
export interface AcdEventFormMountOptions extends AcdEventFormOptions {
  widget?: "acd-event-form" | "jtel-acd-event-form";
}

/** `mount()` options for one cockpit variable. */
export interface CockpitVariableMountOptions extends CockpitVariableOptions {
  widget: "cockpit-variable" | "jtel-cockpit-variable";
}

/** `mount()` options for the list of cockpit variables. */
export interface CockpitVariablesMountOptions extends CockpitVariablesOptions {
  widget: "cockpit-variables" | "jtel-cockpit-variables";
}

/** An update: each key set replaces that option; `null` or `undefined` puts it back to its default. */
export type OptionsUpdate<O> = { [K in keyof O]?: O[K] | null };

/** The handle `mount()` returns. */
export interface WidgetHandle<O> {
  /** Resolved once the widget accepts input. */
  readonly ready: Promise<void>;
  /** Merges `options` into the options so far and applies them; what the user typed stays. */
  update(options: OptionsUpdate<O>): void;
  /** Removes the widget; later calls do nothing. */
  destroy(): void;
}

/** The form's API, on `<jtel-acd-event-form>` and on its `mount()` handle. */
export interface FormApi {
  /** Starts over: what the user typed for this record is dropped, the prefill shows. */
  reset(): void;
  /** Sets fields as if the user had typed them; throws on an unknown field. */
  setValues(values: Partial<Record<FormField, string | number>>): void;
  /** Submits as the button does; a promise of the outcome. */
  submit(): Promise<SubmitOutcome>;
}

/** The handle of a mounted ACD event form. */
export interface AcdEventFormHandle extends WidgetHandle<AcdEventFormMountOptions>, FormApi {
  /** As the form's; a promise when `mount()` was called before the widget code ran. */
  reset(): void | Promise<void>;
  /** As the form's; a promise when `mount()` was called before the widget code ran. */
  setValues(values: Partial<Record<FormField, string | number>>): void | Promise<void>;
}

/** An ACD event as jtel returned it (every field, `null` where unknown). */
export interface AcdEvent {
  ID: number | null;
  AcdEventTypesID: number | null;
  AcdGroupsID: number | null;
  UsersID: number | null;
  Sender: string | null;
  Receiver: string | null;
  Subject: string | null;
  Body: string | null;
  CrmURL: string | null;
  UserData: string | null;
  AcdEventStatusID: number | null;
  ChatConnectorsID: number | null;
  SkillsValue1: number | null;
  SkillsValue2: number | null;
  /** When the event was created, as jtel wrote it. */
  dtCreated: string | null;
  dtLastModified: string | null;
}

/** Why a request failed (`jtel-failed`, and `submit()`'s `failed` outcome), or why the widget cannot start (`unsupported`, `load-failed`: `jtel-failed` only). */
export type FailureCode =
  | "network"
  | "timeout"
  | "offline"
  | "unauthorized"
  | "too-many-requests"
  | "route-missing"
  | "not-found"
  | "conflict"
  | "server-error"
  | "unexpected-status"
  | "undecodable"
  | "invalid"
  | "unsupported"
  | "load-failed";

/** `jtel-failed`'s detail. */
export interface FailureDetail {
  code: FailureCode;
  /** The text the widget shows, in its language. */
  message: string;
}

/** Why a field was refused (docs/events.md lists every code). */
export type InvalidCode =
  | "required"
  | "too-long"
  | "phone-empty"
  | "phone-invalid-characters"
  | "phone-too-short"
  | "phone-too-long"
  | "phone-unknown-country-code"
  | "phone-letters"
  | "phone-extension"
  | "phone-two-numbers"
  | "phone-not-possible"
  | "phone-ambiguous"
  | "region-setting"
  | "email-invalid"
  | "email-too-long"
  | "email-unicode-domain"
  | "url-not-http"
  | "url-malformed"
  | "url-too-long"
  | "not-positive-integer"
  | "not-an-integer"
  | "unknown-reference"
  | "body-only-for-callbacks"
  | "preferred-time-malformed"
  | "preferred-time-in-the-past"
  | "preferred-time-skipped"
  | "preferred-time-outside-service-hours"
  | "out-of-range";

/** One refused field. */
export interface InvalidField {
  /** The jtel field name (`Sender`). */
  field: string;
  code: InvalidCode;
  /** The text shown at the field. */
  message: string;
}

/** `jtel-invalid`'s detail. */
export interface InvalidDetail {
  fields: InvalidField[];
}

/** `jtel-value-set`'s detail: `result` 0 set, 1 read-only, 2 not found or not visible, 3 unchanged, 4 outside min/max. */
export interface ValueSetDetail {
  variableId: number;
  value: number;
  result: number;
  message: string;
}

/** `jtel-config-error`'s detail: an option holds a value the widget does not take. */
export interface ConfigErrorDetail {
  /** The attribute name (`event-type`). */
  option: string;
  /** The property and `mount()` name (`eventType`). */
  property: string;
  /** The value as given. */
  value: string;
  /** What the option accepts. */
  accepted: string;
}

/** What `submit()` resolves to. */
export type SubmitOutcome =
  | { status: "created"; event: AcdEvent }
  | { status: "invalid"; fields: InvalidField[] }
  | { status: "failed"; code: FailureCode; message: string }
  | { status: "busy" };

/** The widgets' DOM events: they bubble and are composed (listen on the element, document or window). */
export interface JtelEventMap {
  "jtel-created": CustomEvent<AcdEvent>;
  "jtel-value-set": CustomEvent<ValueSetDetail>;
  "jtel-failed": CustomEvent<FailureDetail>;
  "jtel-invalid": CustomEvent<InvalidDetail>;
  "jtel-config-error": CustomEvent<ConfigErrorDetail>;
}

/** `jtel-resize`'s detail: the iframe page's content height. */
export interface ResizeDetail {
  /** CSS pixels, rounded up. */
  height: number;
}

/**
 * What the iframe page (`frame.html`) tells the page that frames it, by message type: the
 * widget's events of the same name, and `jtel-resize` whenever its content's height changes.
 * The host helper (`jtel-widgets/frame-host`) dispatches them as bubbling events on the
 * `<iframe data-jtel-frame>` that sent them (docs/frame.md).
 */
export interface JtelFrameEventMap {
  "jtel-created": CustomEvent<AcdEvent>;
  "jtel-failed": CustomEvent<FailureDetail>;
  "jtel-invalid": CustomEvent<InvalidDetail>;
  "jtel-config-error": CustomEvent<ConfigErrorDetail>;
  "jtel-resize": CustomEvent<ResizeDetail>;
}

/** A message type of the iframe page. */
export type FrameMessageType = keyof JtelFrameEventMap;

/**
 * A message the iframe page posts to the page that frames it (`event.data`), only to the
 * origin its link names in `parent-origin` when its deployment lists it (docs/frame.md).
 */
export type FrameMessage = {
  [T in FrameMessageType]: {
    source: "jtel-widgets";
    type: T;
    detail: JtelFrameEventMap[T]["detail"];
  };
}[FrameMessageType];

/**
 * A widget element's settings as properties: setting a string, number or boolean writes the
 * attribute (reading gives the attribute's text); arrays and objects are kept as properties.
 * `lang` and `id` are the element's own properties.
 */
export type ElementProperties<O> = {
  [K in Exclude<keyof O, "lang" | "id">]: O[K] | string | null;
};

/** What every widget element has besides its settings. */
export interface WidgetElementApi<O> {
  /** Resolved once the widget accepts input; rejected with a {@link StartError} when it cannot start. */
  readonly ready: Promise<void>;
  /** Sets several properties at once. */
  update(options: OptionsUpdate<O>): void;
}

/** `<jtel-acd-event-form>`. */
export interface JtelAcdEventFormElement
  extends HTMLElement,
    ElementProperties<AcdEventFormOptions>,
    WidgetElementApi<AcdEventFormOptions>,
    FormApi {}

/** `<jtel-cockpit-variable>`. */
export interface JtelCockpitVariableElement
  extends HTMLElement,
    ElementProperties<CockpitVariableOptions>,
    WidgetElementApi<CockpitVariableOptions> {}

/** `<jtel-cockpit-variables>`. */
export interface JtelCockpitVariablesElement
  extends HTMLElement,
    ElementProperties<CockpitVariablesOptions>,
    WidgetElementApi<CockpitVariablesOptions> {}

declare global {
  interface HTMLElementTagNameMap {
    "jtel-acd-event-form": JtelAcdEventFormElement;
    "jtel-cockpit-variable": JtelCockpitVariableElement;
    "jtel-cockpit-variables": JtelCockpitVariablesElement;
  }
  interface HTMLElementEventMap extends JtelEventMap {}
  interface DocumentEventMap extends JtelEventMap {}
  interface WindowEventMap extends JtelEventMap {}
}
