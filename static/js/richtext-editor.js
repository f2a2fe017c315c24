// The admin's rich-text editor (django-prose-editor, i.e. ProseMirror).
// The package's own loader needs an inline import map, which the site's CSP forbids, so this
// module imports the editor by a relative URL instead. The tools offered match the site's
// one allow-list in cks_portal/richtext.py; whatever is typed is still sanitised on save.
// Tiptap's own <style> injection is switched off for the same CSP reason; its rules are in
// static/css/richtext-editor.css.
import {
  Blockquote,
  Bold,
  BulletList,
  Document,
  Dropcursor,
  Editor,
  Gapcursor,
  HardBreak,
  Heading,
  History,
  HorizontalRule,
  HTML,
  Italic,
  Link,
  ListItem,
  Menu,
  NoSpellCheck,
  OrderedList,
  Paragraph,
  Strike,
  Subscript,
  Superscript,
  Table,
  TableCell,
  TableHeader,
  TableRow,
  Text,
  Underline,
  initializeEditors,
} from "../django_prose_editor/editor.js";

const SELECTOR = "[data-cks-richtext]";

// The editor's menu buttons carry English tooltips written into the package (only its dialogs
// ask window.gettext). The admin loads its JavaScript catalogue (admin:jsi18n) before this
// module, and the project's locale/sv/LC_MESSAGES/djangojs.po has the Swedish words, so each
// tooltip and accessible name is translated here, once the menu is built.
const gettext = window.gettext || ((text) => text);
const interpolate = window.interpolate || ((text, values) => text.replace("%s", values[0]));

function translated(text) {
  const heading = /^heading (\d)$/i.exec(text);
  if (heading) return interpolate(gettext("heading %s"), [heading[1]]);
  return gettext(text);
}

function translateMenu(wrapper) {
  for (const element of wrapper.querySelectorAll("[title], [aria-label]")) {
    for (const attribute of ["title", "aria-label"]) {
      const value = element.getAttribute(attribute);
      const swedish = value && translated(value);
      if (swedish && swedish !== value) element.setAttribute(attribute, swedish);
    }
  }
  // Words shown as text: text buttons and the block-style menu's choices (not the icons,
  // whose text is the name of the icon's glyph).
  const texts = ".prose-menubar__button:not(.material-icons), .prose-menubar__option, .prose-menubar__option *";
  for (const element of wrapper.querySelectorAll(texts)) {
    const value = element.children.length === 0 ? element.textContent : "";
    const swedish = value && translated(value);
    if (swedish && swedish !== value) element.textContent = swedish;
  }
}

function translateMenuAsItChanges(wrapper) {
  // The bar is built on the editor's "create" event and its buttons change with the
  // selection (the block-style button shows the current block), so it is translated again
  // whenever it changes. Changing only what differs keeps the observer from looping.
  translateMenu(wrapper);
  new MutationObserver(() => translateMenu(wrapper)).observe(wrapper, {
    subtree: true,
    childList: true,
    attributeFilter: ["title", "aria-label"],
  });
}

// Like the package's createTextareaEditor, with injectCSS turned off.
function createTextareaEditor(textarea, extensions) {
  const disabled = textarea.hasAttribute("disabled");
  const wrapper = document.createElement("div");
  wrapper.className = disabled ? "prose-editor disabled" : "prose-editor";
  textarea.before(wrapper);
  wrapper.append(textarea);
  const editor = new Editor({
    element: wrapper,
    editable: !disabled,
    extensions,
    content: textarea.value,
    injectCSS: false,
    onUpdate({ editor }) {
      const html = editor.getHTML();
      // An empty editor still holds one empty paragraph; store an empty field instead.
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
    onCreate() {
      // The Menu extension builds its bar on the same "create" event; translate after it.
      setTimeout(() => translateMenuAsItChanges(wrapper));
    },
    onDestroy() {
      wrapper.before(textarea);
      wrapper.remove();
    },
  });
  return editor;
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  return createTextareaEditor(textarea, [
    Document,
    Dropcursor,
  Editor,
    Gapcursor,
    Paragraph,
    HardBreak,
    Text,
    History,
    Menu,
    HTML,
    NoSpellCheck,
    Heading.configure({ levels: [2, 3, 4] }),
    Bold,
    Italic,
    Underline,
    Strike,
    Subscript,
    Superscript,
    BulletList,
    OrderedList,
    ListItem,
    Blockquote,
    HorizontalRule,
    Link,
    Table,
    TableRow,
    TableHeader,
    TableCell,
  ]);
}

initializeEditors(createEditor, SELECTOR);
