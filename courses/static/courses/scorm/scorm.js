/* The SCORM 1.2 runtime side of an exported course (launch.html, the SCO).
   Finds the LMS's API object, starts the session, marks the course "incomplete",
   then "completed" once the lesson frame shows the last lesson, remembers the
   lesson reached (and opens it on the next launch), and ends the session when
   the learner leaves. Without an LMS the lessons still read. */
(function () {
  "use strict";

  // The standard walk up the frames (ADL's findAPI), then the opener's frames.
  function findAPI(win) {
    var tries = 0;
    try {
      while (win.API == null && win.parent != null && win.parent !== win) {
        tries += 1;
        if (tries > 7) {
          return null;
        }
        win = win.parent;
      }
      return win.API || null;
    } catch (error) {
      return null; // a frame of another origin: no API reachable this way
    }
  }

  function getAPI() {
    var api = findAPI(window);
    if (api == null && window.opener != null) {
      api = findAPI(window.opener);
    }
    return api;
  }

  var api = getAPI();
  var frame = document.getElementById("lesson-frame");
  var completed = false;
  var finished = false;

  // Back at the lesson the learner left, as lesson_location recorded it.
  function resume(location) {
    var lessons = Number(frame && frame.getAttribute("data-lessons"));
    var lesson = Number(location);
    if (lesson >= 1 && lesson <= lessons && Math.floor(lesson) === lesson) {
      frame.src = "lesson-" + String(lesson).padStart(2, "0") + ".html";
    }
  }

  if (api) {
    api.LMSInitialize("");
    var status = String(api.LMSGetValue("cmi.core.lesson_status"));
    completed = status === "completed" || status === "passed";
    if (!completed) {
      api.LMSSetValue("cmi.core.lesson_status", "incomplete");
      api.LMSCommit("");
    }
    resume(api.LMSGetValue("cmi.core.lesson_location"));
  }

  // Each page in the frame (lesson.js) says which lesson it is, of how many.
  window.addEventListener("message", function (event) {
    if (!api || !frame || event.source !== frame.contentWindow) {
      return;
    }
    var data = event.data || {};
    var lesson = Number(data.libriLesson);
    var lessons = Number(data.libriLessons);
    if (!(lessons > 0) || !(lesson > 0)) {
      return;
    }
    api.LMSSetValue("cmi.core.lesson_location", String(lesson));
    if (lesson === lessons && !completed) {
      completed = true;
      api.LMSSetValue("cmi.core.lesson_status", "completed");
    }
    api.LMSCommit("");
  });

  function finish() {
    if (api && !finished) {
      finished = true;
      api.LMSCommit("");
      api.LMSFinish("");
    }
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
