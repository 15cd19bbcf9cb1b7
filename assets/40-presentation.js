/* Presentation mode of the quarter report (/kwartaal/<YYYY>-Q<n>/presentatie): one slide visible at a time.
 * Next: ArrowRight, ArrowDown, PageDown (what presenter remotes send), Space; previous: ArrowLeft, ArrowUp,
 * PageUp; Home/End: first/last. Buttons with data-action do the same. Does nothing on other pages. */
(function () {
  function deck() { return document.querySelector('.presentation'); }
  function slides(d) { return Array.prototype.slice.call(d.querySelectorAll('.slide')); }
  function show(d, index, keepFocus) {
    var all = slides(d);
    if (!all.length) { return; }
    var i = Math.max(0, Math.min(all.length - 1, index));
    all.forEach(function (slide, k) { slide.hidden = k !== i; });
    d.setAttribute('data-slide', String(i));
    var status = d.querySelector('.slide-status');
    var template = d.getAttribute('data-status-template') || '{n} / {total}';
    if (status) { status.textContent = template.replace('{n}', i + 1).replace('{total}', all.length); }
    var heading = all[i].querySelector('h1, h2');
    if (heading && !keepFocus) { heading.focus({preventScroll: true}); }
  }
  function current(d) { return parseInt(d.getAttribute('data-slide') || '0', 10); }
  function fullscreen() {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else if (document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen(); }
  }
  var NEXT = ['ArrowRight', 'ArrowDown', 'PageDown', ' '];
  var PREVIOUS = ['ArrowLeft', 'ArrowUp', 'PageUp'];
  document.addEventListener('keydown', function (e) {
    var d = deck();
    if (!d || e.altKey || e.ctrlKey || e.metaKey) { return; }
    var tag = e.target && e.target.tagName;
    if (e.key === ' ' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY')) { return; }
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') { return; }
    var i = current(d);
    if (NEXT.indexOf(e.key) >= 0) { show(d, i + 1); }
    else if (PREVIOUS.indexOf(e.key) >= 0) { show(d, i - 1); }
    else if (e.key === 'Home') { show(d, 0); }
    else if (e.key === 'End') { show(d, slides(d).length - 1); }
    else { return; }
    e.preventDefault();
  });
  document.addEventListener('click', function (e) {
    var d = deck();
    var button = e.target && e.target.closest && e.target.closest('.presentation [data-action]');
    if (!d || !button) { return; }
    var action = button.getAttribute('data-action');
    if (action === 'next') { show(d, current(d) + 1, true); }
    else if (action === 'previous') { show(d, current(d) - 1, true); }
    else if (action === 'fullscreen') { fullscreen(); }
  });
})();
