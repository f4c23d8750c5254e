#!/usr/bin/env bash
# Sourced by size-report.sh and size-gate.sh: the bundles a release build writes and the files
# a host page downloads for each (its loader, JS glue, wasm and the shared snippet).
#   jtel-widgets         every widget (custom elements, mount(), the iframe page)
#   jtel-acd-event-form  only <jtel-acd-event-form>
#   jtel-cockpit         only <jtel-cockpit-variable> and <jtel-cockpit-variables>

BUNDLES=(jtel-widgets jtel-acd-event-form jtel-cockpit)

# The files of bundle $2 in the dist directory $1, one per line.
bundle_files() {
  printf '%s\n' "$1/$2-loader.js" "$1/$2.js" "$1/${2}_bg.wasm" "$1"/snippets/*/*
}
