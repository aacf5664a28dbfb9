// What Google Tag Manager does with a Custom HTML tag: it appends the tag's elements to the page, re-creating each
// <script> so that it runs. The tag's content is the README recipe (its inline part as a function here).
const recipe = () => {
  var slot = document.getElementById('koe-slot');
  if (!slot || slot.querySelector('koe-intake')) return;
  var form = document.createElement('koe-intake');
  form.setAttribute('endpoint', '/api/intake');
  form.setAttribute('company-id', slot.dataset.companyId || '');
  form.setAttribute('deal-id', slot.dataset.dealId || '');
  slot.appendChild(form);
};
const script = document.createElement('script');
script.src = '/uploads/7c1e9a2b/koe-intake.js?v=3';
document.body.appendChild(script);
recipe();
