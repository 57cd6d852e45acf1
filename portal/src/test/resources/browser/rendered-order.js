// Where each occurrence of a token sits on the screen: for every text node containing it, whether its
// characters are painted left to right (each one right of the one before, on the same line) and the
// direction it is isolated in: its element's, or left-to-right when the text wraps it in U+2066 LEFT-TO-RIGHT
// ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE (how the portal isolates a token inside a sentence). Used by ChromiumLanguagesTest (through Chromium.assertPaintedLeftToRight); arguments[0] is the token.
var token = arguments[0];
var found = [];
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  var node = walker.currentNode;
  var from = 0;
  var at;
  while ((at = node.data.indexOf(token, from)) >= 0) {
    from = at + token.length;
    var previous = null;
    var inOrder = true;
    var painted = 0;
    for (var k = 0; k < token.length; k++) {
      var range = document.createRange();
      range.setStart(node, at + k);
      range.setEnd(node, at + k + 1);
      var rect = range.getBoundingClientRect();
      if (rect.width === 0 || token.charAt(k) === ' ') { continue; }
      painted++;
      if (previous !== null && Math.abs(rect.top - previous.top) < rect.height / 2 && rect.left < previous.left) {
        inOrder = false;
      }
      previous = rect;
    }
    if (painted > 0) {
      var isolatedLtr = node.data.charAt(at - 1) === '\u2066' && node.data.charAt(at + token.length) === '\u2069';
      found.push({ inOrder: inOrder,
        direction: isolatedLtr ? 'ltr' : getComputedStyle(node.parentElement).direction,
        element: node.parentElement.tagName.toLowerCase() });
    }
  }
}
return JSON.stringify(found);
