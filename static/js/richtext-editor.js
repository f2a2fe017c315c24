// The admin's rich-text editor (django-prose-editor, i.e. ProseMirror).
// The package's own loader needs an inline import map, which the site's CSP forbids, so this
// module imports the editor by a relative URL instead. The tools offered match the site's
// one allow-list in cks_portal/richtext.py; whatever is typed is still sanitised on save.
import {
  Blockquote,
  Bold,
  BulletList,
  Document,
  Dropcursor,
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
  createTextareaEditor,
  initializeEditors,
} from "../django_prose_editor/editor.js";

const SELECTOR = "[data-cks-richtext]";

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  return createTextareaEditor(textarea, [
    Document,
    Dropcursor,
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
