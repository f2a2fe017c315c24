/* Search as you type for the search boxes of /sok/ and /kunskapsbank/.
 *
 * A form with `data-suggest-url` gets suggestions under its search box after three letters:
 * titles and topics to open, from the JSON of /sok/forslag/?q= (cks_portal/core/suggest.py).
 * The box becomes an ARIA 1.2 combobox with a listbox popup: focus stays in the box, Up and
 * Down move through the suggestions (aria-activedescendant), Enter opens the chosen one or,
 * when none is chosen, sends the form as before; Escape closes the list, a second Escape
 * empties the box; Tab leaves. A polite live region reads the server's sentence ("3
 * förslag. …"), already in the page's language.
 *
 * Without this script, or when a request fails, the form is the plain GET form it always was.
 * No inline script or style: the site's CSP has no 'unsafe-inline'.
 */
(function () {
  "use strict";

  var DELAY_MS = 200;
  var MIN_LETTERS = 3;

  function letters(text) {
    return text.replace(/[^\p{L}\p{N}]/gu, "").length;
  }

  function isOwnPath(url) {
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/" && url.charAt(1) !== "\\";
  }

  function enhance(form) {
    var input = form.querySelector('input[type="search"]');
    var endpoint = form.getAttribute("data-suggest-url");
    if (!input || !input.id || !endpoint || !window.fetch || !window.AbortController) {
      return;
    }
    var label = form.querySelector('label[for="' + input.id + '"]');
    var pageLang = document.documentElement.lang;
    var listId = input.id + "-suggestions";

    var wrapper = document.createElement("div");
    wrapper.className = "suggest";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggest__list";
    list.setAttribute("role", "listbox");
    // Its own name ("Förslag"): named by the box's label, the list would be a second
    // "Sök publikationer" to a screen reader.
    var name = form.getAttribute("data-suggest-label");
    if (name) {
      list.setAttribute("aria-label", name);
    } else if (label) {
      if (!label.id) {
        label.id = input.id + "-label";
      }
      list.setAttribute("aria-labelledby", label.id);
    }
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var items = [];
    var active = -1;
    var timer = null;
    var controller = null;

    function isOpen() {
      return !list.hidden;
    }

    function announce(text) {
      status.textContent = text || "";
    }

    function select(index) {
      var options = list.children;
      active = index;
      for (var i = 0; i < options.length; i += 1) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open() {
      if (!items.length) {
        return;
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      select(-1);
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function cancel() {
      window.clearTimeout(timer);
      if (controller) {
        controller.abort();
        controller = null;
      }
    }

    function follow(index) {
      var item = items[index];
      if (item && isOwnPath(item.url)) {
        close();
        window.location.assign(item.url);
      }
    }

    function render(suggestions) {
      items = suggestions.filter(function (item) {
        return item && typeof item.label === "string" && isOwnPath(item.url);
      });
      list.textContent = "";
      items.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.className = "suggest__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var text = document.createElement("span");
        text.className = "suggest__label";
        text.dir = "auto";
        text.textContent = item.label;
        if (item.lang && item.lang !== pageLang) {
          text.lang = item.lang;
        }
        var kind = document.createElement("span");
        kind.className = "suggest__kind";
        kind.textContent = item.kind_label || "";
        option.appendChild(text);
        option.appendChild(document.createTextNode(" "));
        option.appendChild(kind);
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (items.length) {
        open();
      } else {
        close();
      }
    }

    function ask(text) {
      cancel();
      var own = new AbortController();
      controller = own;
      fetch(endpoint + "?q=" + encodeURIComponent(text), {
        signal: own.signal,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("suggestions answered " + response.status);
          }
          return response.json();
        })
        .then(function (data) {
          // An answer to letters the box no longer holds is stale.
          if (controller !== own || input.value.trim() !== text) {
            return;
          }
          controller = null;
          render(Array.isArray(data.suggestions) ? data.suggestions : []);
          announce(data.message);
        })
        .catch(function () {
          // Aborted or failed: the list stays as it was, the form works without it.
        });
    }

    input.addEventListener("input", function () {
      var text = input.value.trim();
      cancel();
      // The chosen suggestion belonged to the letters before this one.
      select(-1);
      if (letters(text) < MIN_LETTERS) {
        items = [];
        list.textContent = "";
        close();
        announce("");
        return;
      }
      timer = window.setTimeout(function () {
        ask(text);
      }, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      if (event.isComposing) {
        return;
      }
      switch (event.key) {
        case "ArrowDown":
          if (!items.length) {
            return;
          }
          event.preventDefault();
          open();
          if (!event.altKey) {
            select(active + 1 < items.length ? active + 1 : 0);
          }
          break;
        case "ArrowUp":
          if (!items.length) {
            return;
          }
          event.preventDefault();
          open();
          select(active > 0 ? active - 1 : items.length - 1);
          break;
        case "Enter":
          if (isOpen() && active >= 0) {
            event.preventDefault();
            follow(active);
          } else {
            close();
          }
          break;
        case "Escape":
          // The browser's own Escape would empty a search box at once; here it closes first.
          if (isOpen()) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            cancel();
            input.value = "";
            items = [];
            list.textContent = "";
            announce("");
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () {
      close();
    });

    // A press on the list keeps the focus in the box, so the click that follows opens the
    // suggestion instead of closing the list on blur.
    list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });

    list.addEventListener("click", function (event) {
      var option = event.target.closest('[role="option"]');
      if (option) {
        follow(Array.prototype.indexOf.call(list.children, option));
      }
    });

    form.addEventListener("submit", function () {
      cancel();
      close();
    });
  }

  document.querySelectorAll("form[data-suggest-url]").forEach(enhance);
})();
