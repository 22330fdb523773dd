/* La Cimade en chiffres: fits each embedded chart's iframe to its content. Optional (the
   iframe works alone), under 2 KB, no dependency. Trusts a height only from an iframe of
   this script's own origin, and only for the iframe that sent it (event.source). */
(function () {
  if (window.cimadeEmbed) return;
  window.cimadeEmbed = 1;
  var origin = new URL(document.currentScript ? document.currentScript.src : location.href).origin;
  function frames() {
    return document.querySelectorAll('iframe[data-cimade-embed]');
  }
  function ask(frame) {
    try {
      if (new URL(frame.src).origin === origin) frame.contentWindow.postMessage({ type: 'cimade:request-height' }, origin);
    } catch (e) { /* not loaded yet: it reports on load */ }
  }
  addEventListener('message', function (e) {
    var d = e.data;
    if (e.origin !== origin || !d || d.type !== 'cimade:resize' || !(d.height > 0)) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === e.source) list[i].style.height = Math.min(Math.ceil(d.height), 5000) + 'px';
    }
  });
  function init() {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      ask(list[i]);
      list[i].addEventListener('load', function (e) { ask(e.target); });
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
