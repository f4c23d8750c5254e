// `jtel-widgets/cockpit`: the one-widget bundle with <jtel-cockpit-variable> and
// <jtel-cockpit-variables> only.
import type {
  CockpitVariableMountOptions,
  CockpitVariableOptions,
  CockpitVariablesMountOptions,
  CockpitVariablesOptions,
  WidgetHandle,
} from "./index.js";
export * from "./index.js";

/** Renders a cockpit widget into `element`'s shadow root (this bundle holds no event form). */
export declare function mount(element: Element, options: CockpitVariableMountOptions): WidgetHandle<CockpitVariableOptions>;
export declare function mount(element: Element, options: CockpitVariablesMountOptions): WidgetHandle<CockpitVariablesOptions>;
