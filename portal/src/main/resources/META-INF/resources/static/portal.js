// ZT-IX portal: live status updates and confirmation prompts. No inline script (strict CSP).
(function () {
  'use strict';

  function setList(element, items) {
    while (element.firstChild) { element.removeChild(element.firstChild); }
    items.forEach(function (text) {
      var li = document.createElement('li');
      li.textContent = text;
      element.appendChild(li);
    });
  }

  function routeServerLines(request) {
    // each line comes from the portal with its technical tokens isolated left-to-right
    return (request.routeServers || []).map(function (rs) { return rs.line; });
  }

  // addresses are technical tokens: each in its own left-to-right isolate, as the page renders them
  function setAddresses(element, addresses) {
    while (element.firstChild) { element.removeChild(element.firstChild); }
    addresses.filter(Boolean).forEach(function (address, i) {
      if (i > 0) { element.appendChild(document.createElement('br')); }
      var bdi = document.createElement('bdi');
      bdi.setAttribute('dir', 'ltr');
      bdi.textContent = address;
      element.appendChild(bdi);
    });
  }

  function apply(row, request) {
    if (row.hasAttribute('data-reload-on-phase') && row.getAttribute('data-reload-on-phase') !== request.phase) {
      // the router instructions depend on the phase: show them as soon as they exist
      window.location.reload();
      return;
    }
    var phase = row.querySelector('[data-field="phaseLabel"]');
    if (phase && (phase.textContent !== request.phaseLabel || phase.getAttribute('data-phase') !== request.phase)) {
      phase.textContent = request.phaseLabel;
      phase.setAttribute('data-phase', request.phase);
    }
    var conditions = row.querySelector('[data-field="conditions"]');
    if (conditions) { setList(conditions, request.conditions || []); }
    var routeServers = row.querySelector('[data-field="routeServers"]');
    if (routeServers) { setList(routeServers, routeServerLines(request)); }
    var addresses = row.querySelector('[data-field="addresses"]');
    if (addresses) { setAddresses(addresses, [request.ipv6, request.ipv4]); }
  }

  function poll(container) {
    var url = container.getAttribute('data-live-url');
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        data.requests.forEach(function (request) {
          var rows = container.getAttribute('data-request') === request.name ? [container]
            : container.querySelectorAll('[data-request="' + CSS.escape(request.name) + '"]');
          Array.prototype.forEach.call(rows, function (row) { apply(row, request); });
        });
      })
      .catch(function () { /* try again at the next tick */ });
  }

  // the routes of a session: loaded into the page, its page links stay there, refreshed while it is open
  function loadRoutes(url, target) {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        target.innerHTML = html;
        target.setAttribute('data-routes-url', url);
        Array.prototype.forEach.call(target.querySelectorAll('a[data-routes-page]'), function (link) {
          link.addEventListener('click', function (event) {
            event.preventDefault();
            loadRoutes(link.getAttribute('href'), target);
          });
        });
      })
      .catch(function () { /* try again at the next refresh */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('a[data-routes-target]'), function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        loadRoutes(link.getAttribute('href'), document.getElementById(link.getAttribute('data-routes-target')));
      });
    });
    setInterval(function () {
      Array.prototype.forEach.call(document.querySelectorAll('[data-routes-url]'), function (target) {
        loadRoutes(target.getAttribute('data-routes-url'), target);
      });
    }, 60000);
    Array.prototype.forEach.call(document.querySelectorAll('[data-live-url]'), function (container) {
      setInterval(function () { poll(container); }, 2000);
    });
    Array.prototype.forEach.call(document.querySelectorAll('button[data-copy]'), function (button) {
      button.addEventListener('click', function () {
        var text = document.getElementById(button.getAttribute('data-copy')).textContent;
        var done = function () { button.textContent = button.getAttribute('data-copied'); };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done);
        } else {
          var area = document.createElement('textarea');
          area.value = text;
          document.body.appendChild(area);
          area.select();
          document.execCommand('copy');
          document.body.removeChild(area);
          done();
        }
      });
    });
    // times are written in UTC; the browser shows them in its own time zone and language
    Array.prototype.forEach.call(document.querySelectorAll('time[data-local]'), function (time) {
      var at = new Date(time.getAttribute('datetime'));
      if (!isNaN(at)) {
        time.textContent = at.toLocaleString(document.documentElement.lang, { year: 'numeric', month: '2-digit',
          day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
        time.title = time.getAttribute('datetime');
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll('form[data-confirm]'), function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) { event.preventDefault(); }
      });
    });
  });
}());
