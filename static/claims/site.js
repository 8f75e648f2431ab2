// The site's only script (no inline scripts, so the Content Security Policy can forbid them).
// Buttons with data-copy="ID" copy the text of element ID to the clipboard.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const target = document.getElementById(button.dataset.copy);
  if (!target) return;
  const text = "value" in target ? target.value : target.textContent;
  const done = () => {
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = "Copy"; }, 2000);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, () => { target.select(); });
  } else {
    target.select();
    document.execCommand("copy");
    done();
  }
});
