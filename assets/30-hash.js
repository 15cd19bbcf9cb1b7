/* In-page targets after client-side navigation: Dash renders the page after the URL changed, so the
 * browser's own jump to `#resultaat-12` finds nothing. When the element appears, scroll to it and move the
 * keyboard focus there (links from a story to its result, and from a result to its story). */
(function () {
  var done = '';
  function jump() {
    var hash = window.location.hash;
    var key = window.location.pathname + hash;
    if (!hash || hash.length < 2 || key === done) { return; }
    var el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!el) { return; }
    done = key;
    if (!el.hasAttribute('tabindex')) { el.setAttribute('tabindex', '-1'); }
    el.scrollIntoView({block: 'start'});
    el.focus({preventScroll: true});
    el.classList.add('is-target');
  }
  var observer = new MutationObserver(function () { window.requestAnimationFrame(jump); });
  function start() {
    jump();
    observer.observe(document.body, {subtree: true, childList: true});
    window.addEventListener('hashchange', function () { done = ''; jump(); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
