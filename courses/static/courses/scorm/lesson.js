/* In a SCORM package: tells the launch page which lesson this page is, so that it
   can report completion to the LMS. Pages opened on their own post nothing. */
(function () {
  "use strict";
  if (window.parent === window) {
    return;
  }
  window.parent.postMessage(
    {
      libriLesson: Number(document.body.getAttribute("data-lesson")),
      libriLessons: Number(document.body.getAttribute("data-lessons")),
    },
    "*"
  );
})();
