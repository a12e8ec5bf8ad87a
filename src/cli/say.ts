/** Numbers as a Vietnamese reader writes them: "12,3" (decimal comma). */
export const seconds = (s: number): string => s.toFixed(1).replace('.', ',');
