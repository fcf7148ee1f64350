// Chapter links seek the recording on this page instead of opening the file.
// Without JavaScript they still open the file at that time (#t= media fragment).
document.addEventListener("DOMContentLoaded", () => {
  const player = document.getElementById("recording-player");
  if (!player) return;
  document.querySelectorAll("a[data-seek]").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      player.currentTime = Number(link.dataset.seek);
      player.focus();
      player.play().catch(() => {});
    });
  });
});
