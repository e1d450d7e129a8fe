/** Renderer routes a notification opens; main uses them too (a click on a system notification). Without zod: the
 * renderer's shell imports them at start. */
export const weeklySummaryRoute = '/weekly';
export const opportunitiesRoute = '/opportunities';
