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

// Like the package's createTextareaEditor, with injectCSS turned off.
function createTextareaEditor(textarea, extensions) {
  const disabled = textarea.hasAttribute("disabled");
  const wrapper = document.createElement("div");
  wrapper.className = disabled ? "prose-editor disabled" : "prose-editor";
  textarea.before(wrapper);
  wrapper.append(textarea);
  return new Editor({
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
    onDestroy() {
      wrapper.before(textarea);
      wrapper.remove();
    },
  });
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
