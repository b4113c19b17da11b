/**
 * A made-up series to start the CSV task with: a yearly-seasonal curve with a trend and a little
 * deterministic wiggle, one number per line (the user replaces it with their own data).
 */
export const EXAMPLE_CSV: string = Array.from({ length: 240 }, (_, i) => {
  const v = 20 + 0.03 * i + 8 * Math.sin((2 * Math.PI * i) / 24) + 2 * Math.sin((2 * Math.PI * i) / 7.5) + Math.sin(i * 12.9898) * 0.8;
  return v.toFixed(2);
}).join('\n');
