// The accessibility check in the staff preview of a draft (issue 19). axe-core
// (static/vendor/axe-core, loaded just before this module) checks the page's main content
// with the same rules as the site's own browser tests, in Swedish, and the panel lists each
// finding with a link that scrolls to the element and moves the focus there. The panel's
// words come from the template (data-text-*), already translated. Loaded only for staff.

const RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const panel = document.getElementById("preview-checks");
const main = document.querySelector("main");

function say(text) {
  panel.querySelector(".preview-checks__status").textContent = text;
}

function goTo(element) {
  for (const marked of document.querySelectorAll(".preview-checks__target")) {
    marked.classList.remove("preview-checks__target");
  }
  element.classList.add("preview-checks__target");
  if (!element.matches("a[href], button, input, select, textarea, [tabindex]")) {
    element.setAttribute("tabindex", "-1");
  }
  element.scrollIntoView({ block: "center" });
  element.focus({ preventScroll: true });
}

function findingItem(violation, node) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = "#";
  link.textContent = violation.help;
  const element = node.target.length === 1 ? document.querySelector(node.target[0]) : null;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    if (element) goTo(element);
  });
  const detail = document.createElement("span");
  detail.className = "preview-checks__detail";
  detail.textContent = ` (${violation.impact || ""}, ${violation.id}) `;
  const code = document.createElement("code");
  code.textContent = node.target.join(" ");
  item.append(link, detail, code);
  return item;
}

async function swedish() {
  try {
    const response = await fetch(panel.dataset.locale, { credentials: "same-origin" });
    if (response.ok) window.axe.configure({ locale: await response.json() });
  } catch {
    // axe's English texts, then.
  }
}

async function check() {
  main.before(panel);
  panel.hidden = false;
  try {
    if (document.documentElement.lang.startsWith("sv")) await swedish();
    const results = await window.axe.run(main, { runOnly: { type: "tag", values: RULES } });
    const items = results.violations.flatMap((violation) =>
      violation.nodes.map((node) => findingItem(violation, node)),
    );
    panel.querySelector(".preview-checks__list").replaceChildren(...items);
    if (items.length === 0) say(panel.dataset.textNone);
    else if (items.length === 1) say(panel.dataset.textOne);
    else say(panel.dataset.textMany.replace("%s", String(items.length)));
  } catch (error) {
    say(panel.dataset.textFailed);
    throw error;
  }
}

if (panel && main && window.axe) check();
