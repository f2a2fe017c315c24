// Names for the admin's boxes that scripts build next to a real form field: the rich-text
// editor's writing area (ProseMirror, beside its hidden textarea) and the search box of an
// autocomplete list (select2, beside its hidden <select>). Both are focusable text boxes that
// a screen reader announced without a name, and axe-core reported them. Each gets the visible
// label of the field it stands for, by aria-labelledby, also when the script builds it anew.

function labelId(field) {
  if (!field || !field.id) return null;
  const label = document.querySelector(`label[for="${CSS.escape(field.id)}"]`);
  if (!label) return null;
  if (!label.id) label.id = `${field.id}-label`;
  return label.id;
}

function name(box, field) {
  if (box.hasAttribute("aria-label") || box.hasAttribute("aria-labelledby")) return;
  const id = labelId(field);
  if (id) box.setAttribute("aria-labelledby", id);
}

function nameAll(root) {
  for (const area of root.querySelectorAll(".prose-editor [contenteditable]")) {
    name(area, area.closest(".prose-editor").querySelector("textarea"));
  }
  for (const search of root.querySelectorAll(".select2-search__field")) {
    const container = search.closest(".select2");
    const select = container && container.previousElementSibling;
    name(search, select && select.tagName === "SELECT" ? select : null);
  }
}

const form = document.querySelector("#content-main form");
if (form) {
  nameAll(form);
  new MutationObserver(() => nameAll(form)).observe(form, { childList: true, subtree: true });
}
