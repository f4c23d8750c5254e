// A Vue 3 CRM page: the agent moves between records and changes routing and language; Vue
// passes the widget's settings as camelCase DOM properties (render function, no compiler).
import { createApp, h, reactive, ref } from "vue";
import { CHOICES, RECORDS, formProperties, initialChoices, loadWidgets } from "../shared/crm.js";

const Crm = {
  setup() {
    const record = ref(RECORDS[0]);
    const choices = reactive(initialChoices());
    return () =>
      h("main", [
        h(
          "nav",
          RECORDS.map((each) =>
            h("button", { key: each.id, id: `record-${each.id}`, onClick: () => (record.value = each) }, each.name),
          ),
        ),
        h("h1", { id: "record" }, record.value.name),
        ...Object.keys(CHOICES).map((name) =>
          h("label", { key: name }, [
            `${name} `,
            h(
              "select",
              { id: name, value: choices[name], onChange: (event) => (choices[name] = event.target.value) },
              CHOICES[name].map(([option, label]) => h("option", { key: option, value: option }, label)),
            ),
          ]),
        ),
        h("jtel-acd-event-form", formProperties(record.value, { ...choices })),
      ]);
  },
};

await loadWidgets();
createApp(Crm).mount("#app");
