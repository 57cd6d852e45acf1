// How each character of arguments[0] is drawn in the page's own font stack: the number of inked pixels and a
// hash of them. Characters no installed font has are all drawn as the same .notdef box ("tofu"), so real
// glyphs differ from each other and from a code point no font has.
var chars = arguments[0];
var style = getComputedStyle(document.body);
var canvas = document.createElement('canvas');
canvas.width = 48;
canvas.height = 48;
var ctx = canvas.getContext('2d');
return chars.map(function (c) {
  ctx.clearRect(0, 0, 48, 48);
  ctx.font = '32px ' + style.fontFamily;
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'top';
  ctx.fillText(c, 4, 4);
  var data = ctx.getImageData(0, 0, 48, 48).data;
  var inked = 0;
  var hash = 0;
  for (var i = 3; i < data.length; i += 4) {
    if (data[i] > 0) { inked++; hash = (hash * 31 + i * data[i]) | 0; }
  }
  return inked + ':' + hash;
});
