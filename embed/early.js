// Runs a widget's prerendered first screens until the wasm takes them over (src/embed.rs):
// minified and inlined by the build after each page's screens (src/prerender.rs), and part of
// the embed loader, which puts the screens in its shadow roots (embed/loader.js). Start shows the first question and its
// Back the introduction again. What the visitor does is kept in `data-early` for the wasm to
// carry on from: started or not, the options checked and text typed, an early Next or See my
// result. Once the widget is in, focus goes back to where the visitor had it. A visitor with
// stored data (any key starting with `keys`) or a share link never sees these screens: the
// wasm shows where they are instead, and until then the screens only keep the widget's place,
// so that the page does not move twice.
function early(screens, keys) {
  try {
    if (location.hash.length > 1 || Object.keys(localStorage).some((key) => key.startsWith(keys))) {
      screens.classList.add('aw-held');
      screens.inert = true;
      return;
    }
  } catch {
    // Storage switched off: as far as the widget will know, a new visitor.
  }
  const FOCUSABLE = 'a[href], button, input, textarea, [tabindex]';
  const mount = screens.parentElement;
  const then = screens.querySelector('[data-then]');
  const intro = then.previousElementSibling;
  let submitted = false;
  let focus = -1;
  const note = () => {
    // Field names without the widget's id prefix ("awa0-").
    const fields = [...screens.querySelectorAll('input:checked, textarea')].map((field) => {
      const name = field.name || field.id;
      return { name: name.slice(name.indexOf('-') + 1), value: field.value };
    });
    screens.dataset.early = JSON.stringify({ started: !then.hidden, fields, submitted });
  };
  const show = (step, other) => {
    other.hidden = true;
    step.hidden = false;
    step.querySelector('.aw-step-heading').focus();
    note();
  };
  screens.addEventListener('click', (event) => {
    const button = event.target.closest('button[type=button]');
    if (button && intro.contains(button)) show(then, intro);
    else if (button) show(intro, then);
  });
  screens.addEventListener('submit', (event) => {
    event.preventDefault();
    submitted = true;
    note();
  });
  screens.addEventListener('input', note);
  screens.addEventListener('change', note);
  screens.addEventListener('focusin', (event) => {
    focus = [...(intro.hidden ? then : intro).querySelectorAll(FOCUSABLE)].indexOf(event.target);
  });
  new MutationObserver((changes, observer) => {
    const widget = mount.querySelector('.aw-widget');
    if (!widget || widget === screens) return;
    observer.disconnect();
    // An early Next or See my result moves on, and the widget moves focus itself.
    if (!submitted && focus >= 0 && document.activeElement === document.body) widget.querySelectorAll(FOCUSABLE)[focus]?.focus();
  }).observe(mount, { childList: true });
}

/** Tells the visitor on `screens` (if they are still shown) that the rest of the widget could
 * not be fetched, in the words the build wrote into them: else an early Next would wait for
 * good. Called once the wasm or its module has failed, by the loader or a page's script. */
function unloaded(screens) {
  if (!screens?.isConnected || screens.querySelector('.aw-unloaded')) return;
  // A returning visitor's screens, which were never theirs to use, give way to the notice.
  if (screens.classList.contains('aw-held')) {
    screens.classList.remove('aw-held');
    screens.inert = false;
    screens.replaceChildren();
  }
  const notice = document.createElement('p');
  notice.className = 'aw-notice aw-unloaded';
  notice.setAttribute('role', 'alert');
  notice.textContent = screens.dataset.unloaded;
  screens.prepend(notice);
}
