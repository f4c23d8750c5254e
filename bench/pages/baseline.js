// The plain HTML and JS baseline the bench compares the widgets with: the same fields, about
// the same rules and messages (a hand-written subset of jtel-core's), the same JSON POST to
// the same gateway route, and the same "jtel-interactive" performance mark once the inputs
// accept typing. No framework, no build step.

const form = document.getElementById("form");

const MESSAGES = {
  required: "This field is required.",
  characters: "A phone number may contain only digits, spaces, dashes, brackets and a leading +.",
  short: "This phone number is too short (at least 7 digits with the country code).",
  long: "This phone number is too long (at most 15 digits with the country code).",
  url: "Enter a web address starting with http:// or https://.",
  tooLong: (max) => `Use at most ${max} characters.`,
  range: (min, max) => `Enter a value from ${min} to ${max}.`,
  integer: "Enter a whole number.",
};

// Like jtel-core's normalize_phone: "+49 199 …", "0049 199 …" and "0199 …" become 49199….
function normalizePhone(text, countryCode) {
  let rest = text.trim();
  const plus = rest.startsWith("+");
  if (plus) rest = rest.slice(1);
  if (!/^[0-9 \-./()\u00a0]*$/.test(rest)) return { error: MESSAGES.characters };
  if (plus || rest.trimStart().startsWith("00")) rest = rest.replace("(0)", "");
  let digits = rest.replace(/[^0-9]/g, "");
  if (!digits) return { error: MESSAGES.required };
  if (!plus && digits.startsWith("00")) digits = digits.slice(2);
  else if (!plus && digits.startsWith("0")) digits = countryCode + digits.slice(1);
  if (digits.length < 7) return { error: MESSAGES.short };
  if (digits.length > 15) return { error: MESSAGES.long };
  return { number: digits };
}

function checkUrl(text) {
  if (!text) return null;
  if (text.length > 2000) return MESSAGES.tooLong(2000);
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? null : MESSAGES.url;
  } catch {
    return MESSAGES.url;
  }
}

function showError(input, message) {
  const field = input.closest(".jtel-field");
  let error = field.querySelector(".jtel-error");
  if (!message) {
    error?.remove();
    input.removeAttribute("aria-invalid");
    field.classList.remove("jtel-field--invalid");
    return;
  }
  if (!error) {
    error = document.createElement("p");
    error.className = "jtel-error";
    error.id = `${input.name}-error`;
    field.append(error);
  }
  error.textContent = message;
  input.setAttribute("aria-invalid", "true");
  field.classList.add("jtel-field--invalid");
}

function callbackForm() {
  const formElement = form.querySelector("form");
  const inputs = Object.fromEntries([...formElement.elements].filter((e) => e.name).map((e) => [e.name, e]));
  const touched = new Set();
  let submitted = false;
  const senderHint = document.getElementById("Sender-hint");

  function problems() {
    const found = {};
    const sender = normalizePhone(inputs.Sender.value, "49");
    if (sender.error) found.Sender = sender.error;
    if (!inputs.Subject.value.trim()) found.Subject = MESSAGES.required;
    else if (inputs.Subject.value.length > 255) found.Subject = MESSAGES.tooLong(255);
    if (inputs.Body.value.length > 4000) found.Body = MESSAGES.tooLong(4000);
    const url = checkUrl(inputs.CrmURL.value.trim());
    if (url) found.CrmURL = url;
    if (inputs.UserData.value.length > 255) found.UserData = MESSAGES.tooLong(255);
    senderHint.textContent = sender.error
      ? "National numbers get the country code 49."
      : `Will be sent as +${sender.number}.`;
    return { found, sender: sender.number };
  }

  function render() {
    const { found } = problems();
    for (const [name, input] of Object.entries(inputs)) {
      showError(input, submitted || touched.has(name) ? found[name] : null);
    }
    return found;
  }

  formElement.addEventListener("input", render);
  formElement.addEventListener("focusout", (event) => {
    if (event.target.name) touched.add(event.target.name);
    render();
  });
  formElement.addEventListener("submit", async (event) => {
    event.preventDefault();
    submitted = true;
    const found = render();
    const first = Object.keys(found)[0];
    if (first) return inputs[first].focus();
    const optional = (name) => inputs[name].value.trim() || undefined;
    const body = {
      AcdEventTypesID: 3,
      AcdGroupsID: 235,
      UsersID: null,
      Sender: problems().sender,
      Receiver: "4919900112233",
      Subject: inputs.Subject.value.trim(),
      Body: optional("Body"),
      CrmURL: optional("CrmURL"),
      UserData: optional("UserData"),
    };
    const alert = form.querySelector(".jtel-alert");
    try {
      const answer = await fetch("/jtel/acd/events/create", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      });
      if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
      const created = await answer.json();
      const id = created.ID ?? created.records?.[0]?.ID;
      form.innerHTML = `<p class="jtel-success" role="status">Callback request ${id} created.</p>`;
    } catch {
      alert.hidden = false;
      alert.textContent = "The jtel server cannot be reached. Your input is kept: try again.";
    }
  });
  render();
}

async function cockpitForm() {
  const id = form.dataset.variable;
  const answer = await fetch(`/jtel/cockpitVariables/cockpitVariable/${id}`, { headers: staffHeaders() });
  const variable = (await answer.json()).records[0];
  form.innerHTML = `
    <h2 class="jtel-title"></h2>
    <p class="jtel-hint"></p>
    <form class="jtel-form" novalidate>
      <div class="jtel-field">
        <label for="value" class="jtel-label">New value</label>
        <input id="value" name="value" class="jtel-input" type="number" />
      </div>
      <div class="jtel-actions"><button type="submit" class="jtel-button jtel-button--primary">Set value</button></div>
    </form>`;
  form.querySelector(".jtel-title").textContent = variable.Name;
  form.querySelector(".jtel-hint").textContent = `Value: ${variable.Value}`;
  const input = form.querySelector("input");
  Object.assign(input, { min: variable.MinValue, max: variable.MaxValue, value: variable.Value });
  input.addEventListener("input", () => {
    const value = Number(input.value);
    const bad = !Number.isInteger(value)
      ? MESSAGES.integer
      : value < variable.MinValue || value > variable.MaxValue
        ? MESSAGES.range(variable.MinValue, variable.MaxValue)
        : null;
    showError(input, bad);
  });
  form.querySelector("form").addEventListener("submit", async (event) => {
    event.preventDefault();
    await fetch(`/jtel/cockpitVariables/cockpitVariable/${id}/setValue?value=${Number(input.value)}`, {
      method: "PATCH",
      headers: staffHeaders(),
    });
  });
}

// Like <jtel-cockpit-variables>: the variables as rows (name, value, kind) and a filter
// over their names and descriptions.
async function cockpitList() {
  const answer = await fetch("/jtel/cockpitVariables", { headers: staffHeaders() });
  const variables = (await answer.json()).records.filter((variable) => variable.ID != null);
  const KINDS = { 1: "On/off", 3: "Percentage" };
  const shownText = (shown) => `${shown} of ${variables.length} variables shown.`;
  form.innerHTML = `
    <h2 class="jtel-title">Cockpit variables</h2>
    <div class="jtel-field">
      <label for="filter" class="jtel-label">Filter</label>
      <input id="filter" type="search" name="filter" class="jtel-input" autocomplete="off" />
    </div>
    <p class="jtel-hint" role="status"></p>
    <ul class="jtel-cockpit-rows"></ul>`;
  const list = form.querySelector("ul");
  const rows = variables.map((variable) => {
    const row = document.createElement("li");
    row.className = "jtel-cockpit-row";
    row.innerHTML = `<button type="button" class="jtel-cockpit-row-button" aria-expanded="false">
      <span class="jtel-cockpit-row-name"></span> <span class="jtel-cockpit-row-value"></span>
      <span class="jtel-cockpit-row-kind"></span></button>`;
    row.querySelector(".jtel-cockpit-row-name").textContent = variable.Name ?? "";
    row.querySelector(".jtel-cockpit-row-value").textContent =
      variable.CockpitVariableTypesID === 1 ? (variable.Value ? "On" : "Off") : String(variable.Value ?? "unknown");
    row.querySelector(".jtel-cockpit-row-kind").textContent = KINDS[variable.CockpitVariableTypesID] ?? "Number";
    const text = `${variable.Name ?? ""}\n${variable.Description ?? ""}`.toLowerCase();
    return { row, text };
  });
  const status = form.querySelector("[role=status]");
  const filter = form.querySelector("input");
  const show = () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = rows.filter(({ text }) => words.every((word) => text.includes(word)));
    list.replaceChildren(...shown.map(({ row }) => row));
    status.textContent = shownText(shown.length);
  };
  filter.addEventListener("input", show);
  show();
}

// The staff token the host's sign-in gave the page (the bench puts it there, as the widget
// pages get it in their credentials property).
function staffHeaders() {
  return { Accept: "application/json", Authorization: `Bearer ${window.jtelBenchStaffToken}` };
}

if (form.dataset.form === "cockpit") {
  await cockpitForm();
} else if (form.dataset.form === "cockpit-list") {
  await cockpitList();
} else {
  callbackForm();
}
performance.mark("jtel-interactive");
