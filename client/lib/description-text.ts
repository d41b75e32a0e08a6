// What counts as a description: text with something in it. One of only spaces or blank lines is no
// description (it would leave a bare "Description" heading or an empty cell), and every place on the
// table page says so the same way as search results and the edit history do: "No description".

export const NO_DESCRIPTION = 'No description';

/** The description to show, or null when there is none or only white space. */
export function shownDescription(text: string | null | undefined): string | null {
  return text && text.trim() !== '' ? text : null;
}
