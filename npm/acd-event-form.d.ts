// `jtel-widgets/acd-event-form`: the one-widget bundle with <jtel-acd-event-form> only.
import type { AcdEventFormHandle, AcdEventFormMountOptions } from "./index.js";
export * from "./index.js";

/** Renders an ACD event form into `element`'s shadow root (this bundle holds no other widget). */
export declare function mount(element: Element, options?: AcdEventFormMountOptions): AcdEventFormHandle;
