/* Accessibility repair for Dash 4 option lists (Checklist, RadioItems).
 * Dash renders native <input> elements inside <label role="option"> within role="listbox", which
 * nests interactive controls and leaves the listbox unnamed (axe: nested-interactive,
 * aria-input-field-name). Native labelled inputs need no ARIA at all, so we drop those roles;
 * our pages wrap every list in a <fieldset> with a <legend> that names the group.
 * Also dcc.Upload's file input, and aria-describedby for inputs (see below). */
(function () {
  function repair(root) {
    root.querySelectorAll('.dash-options-list[role="listbox"]').forEach(function (list) {
      list.setAttribute('role', 'group');
      list.removeAttribute('aria-multiselectable');
    });
    // React sets aria-selected again when an option is (un)checked, without re-adding the role: match either.
    root.querySelectorAll('.dash-options-list-option[role="option"], .dash-options-list-option[aria-selected]')
      .forEach(function (opt) {
        opt.removeAttribute('role');
        opt.removeAttribute('aria-selected');
      });
    // dcc.Upload's own file input has no label and is focusable although it is invisible: the labelled button in
    // the drop zone is the keyboard control and the one that screen readers announce (it opens the same file
    // dialog), so the input leaves the tab order and the accessibility tree (and still has the button's name).
    root.querySelectorAll('.upload-zone input[type="file"]:not([tabindex])').forEach(function (input) {
      var button = input.parentNode.querySelector('button[aria-labelledby]');
      input.setAttribute('tabindex', '-1');
      input.setAttribute('aria-hidden', 'true');
      if (button) { input.setAttribute('aria-labelledby', button.getAttribute('aria-labelledby')); }
    });
    // dcc.Input takes no aria-* properties: a hint or error names the id of its field in data-describes (the
    // password form, dashboard/pages/password.py), and an error (data-invalid) marks the field invalid. An error
    // that a callback fills and empties (dashboard/pages/gebruikers.py) describes its field only while it has text.
    root.querySelectorAll('[data-describes][id]').forEach(function (note) {
      var field = document.getElementById(note.getAttribute('data-describes'));
      if (!field) { return; }
      var shown = note.textContent.trim() !== '';
      var ids = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      var at = ids.indexOf(note.id);
      if (shown && at < 0) {
        ids.push(note.id);
      } else if (!shown && at >= 0) {
        ids.splice(at, 1);
      }
      if (ids.join(' ') !== (field.getAttribute('aria-describedby') || '')) {
        if (ids.length) { field.setAttribute('aria-describedby', ids.join(' ')); } else {
          field.removeAttribute('aria-describedby');
        }
      }
      if (note.hasAttribute('data-invalid')) {
        if (shown) { field.setAttribute('aria-invalid', 'true'); } else { field.removeAttribute('aria-invalid'); }
      }
    });
  }
  var pending = false;
  var observer = new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; repair(document); });
  });
  function start() {
    repair(document);
    // characterData: a callback that changes an error's text changes its text node only
    observer.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                                     attributeFilter: ['role', 'aria-selected']});
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
