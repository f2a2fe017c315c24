// Notes on the text while an editor writes (issue 19): readability, headings, link texts,
// image descriptions. The admin marks the checked fields with data-content-checks="<url>"
// (cks_portal/core/content_checks_admin.py). A pause of DELAY ms after typing posts those
// fields, with the form's CSRF token, to that URL, which answers with one <section> of notes
// per field; each goes into a polite live region under its field, so a screen reader hears a
// new note without losing its place. The rich-text editor (ProseMirror) keeps its hidden
// textarea up to date and its input events bubble through the form, so one listener on the
// form sees every kind of field. Without JavaScript the same notes come as messages on save.
// No inline script and no eval: the admin's CSP allows neither.

const DELAY = 600;

function regionFor(field) {
  const region = document.createElement("div");
  region.className = "content-checks";
  region.id = `content-checks-${field.name}`;
  region.setAttribute("aria-live", "polite");
  const anchor = field.closest(".fieldBox") || field.closest(".form-row") || field.parentElement;
  anchor.append(region);
  const described = field.getAttribute("aria-describedby");
  field.setAttribute("aria-describedby", described ? `${described} ${region.id}` : region.id);
  return region;
}

function imageIsPresent(form) {
  const input = form.querySelector("[data-content-checks-image]");
  if (!input) return false;
  if (input.files && input.files.length > 0) return true;
  // A saved image: the clearable file input shows a link to it and a "clear" box.
  const current = input.closest(".file-upload")?.querySelector("a[href]");
  const clear = form.elements.namedItem(`${input.name}-clear`);
  return Boolean(current) && !(clear && clear.checked);
}

function start(fields) {
  const form = fields[0].form;
  if (!form) return;
  const url = fields[0].dataset.contentChecks;
  const regions = new Map(fields.map((field) => [field.name, regionFor(field)]));
  let timer = null;
  let sent = null;
  let controller = null;

  function collect() {
    const data = new FormData();
    const token = form.elements.namedItem("csrfmiddlewaretoken");
    data.append("csrfmiddlewaretoken", token ? token.value : "");
    for (const field of fields) data.append(field.name, field.value);
    const language = form.elements.namedItem("language");
    if (language && "value" in language) data.append("language", language.value);
    const image = form.querySelector("[data-content-checks-image]");
    if (image) data.append(image.name, imageIsPresent(form) ? "1" : "");
    const decorative = form.querySelector("[data-content-checks-decorative]");
    if (decorative) data.append(decorative.name, decorative.checked ? "1" : "");
    return data;
  }

  function show(html) {
    const answer = new DOMParser().parseFromString(html, "text/html");
    for (const section of answer.querySelectorAll("[data-content-checks-for]")) {
      const region = regions.get(section.dataset.contentChecksFor);
      // Only a change is written: the same notes again would be read out again.
      if (region && region.innerHTML.trim() !== section.innerHTML.trim()) {
        region.replaceChildren(...section.childNodes);
      }
    }
  }

  async function check() {
    const data = collect();
    const key = JSON.stringify([...data.entries()].filter(([name]) => name !== "csrfmiddlewaretoken"));
    if (key === sent) return;
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const response = await fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        signal: controller.signal,
      });
      if (!response.ok) return;
      show(await response.text());
      sent = key;
    } catch (error) {
      if (error.name !== "AbortError") throw error;
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, DELAY);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  // The notes for what is already there (an item opened for editing, a form sent back).
  check();
}

const fields = [...document.querySelectorAll("[data-content-checks]")];
if (fields.length > 0) start(fields);
