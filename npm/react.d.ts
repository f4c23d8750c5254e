// JSX intrinsic elements for React 19, which passes an element's props to a custom element as
// properties (so `readOnly={["Sender"]}` arrives as an array) and adds a listener for each
// `on<event-name>` function prop. Opt in with
//   /// <reference types="jtel-widgets/react" />
// (or `"types": ["jtel-widgets/react"]` in tsconfig.json); the main entry does not need React.
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type {
  AcdEventFormOptions,
  CockpitVariableOptions,
  CockpitVariablesOptions,
  JtelAcdEventFormElement,
  JtelCockpitVariableElement,
  JtelCockpitVariablesElement,
  JtelEventMap,
} from "./index.js";

/** `onjtel-created={(event) => …}` and friends. */
type EventProps = { [E in keyof JtelEventMap as `on${E}`]?: (event: JtelEventMap[E]) => void };

/** A widget element's JSX props: its settings, the common HTML attributes and its events. */
type WidgetProps<O, T> = Omit<DetailedHTMLProps<HTMLAttributes<T>, T>, keyof O> & O & EventProps;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "jtel-acd-event-form": WidgetProps<AcdEventFormOptions, JtelAcdEventFormElement>;
      "jtel-cockpit-variable": WidgetProps<CockpitVariableOptions, JtelCockpitVariableElement>;
      "jtel-cockpit-variables": WidgetProps<CockpitVariablesOptions, JtelCockpitVariablesElement>;
    }
  }
}
