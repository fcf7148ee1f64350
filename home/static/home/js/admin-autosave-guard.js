// Wagtail autosaves an edit form by posting it in the background. On a new page the
// first autosave creates the page and points the form at the page's edit view. A
// "Save draft", "Submit for moderation" or "Publish" sent while that request is on
// its way, or followed by one, would post the create form a second time: the page
// would be created twice and the second refused with a server error ("slug already
// in use"). So a submit stops autosaving, waits for the autosave in flight, then goes
// wherever the form points by then.
document.addEventListener("submit", async (event) => {
  const form = event.target;
  const autosave = window.wagtail?.app?.getControllerForElementAndIdentifier(
    form,
    "w-autosave",
  );
  if (event.defaultPrevented || !autosave) return;
  autosave.activeValue = false;
  if (!autosave.submitPromise) return;
  event.preventDefault();
  const submitter = event.submitter;
  while (autosave.submitPromise) await autosave.submitPromise;
  // The pressed button is disabled by its spinner by now, and a disabled button
  // leaves the form data: carry its action name in a hidden field instead.
  if (submitter?.name) {
    const action = document.createElement("input");
    action.type = "hidden";
    action.name = submitter.name;
    action.value = submitter.value;
    form.append(action);
  }
  form.submit();
});
