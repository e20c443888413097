// Asks before a form with data-confirm="question" is sent. A file of its own rather than an
// onsubmit attribute: the Content-Security-Policy allows no inline script.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
