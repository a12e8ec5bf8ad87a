/** The window event the shell dispatches when the user signs out: screens that keep state outside React (the page viewer) drop it. */
export const SIGNED_OUT_EVENT = 'hotich:signed-out';
