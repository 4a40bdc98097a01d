/** Points with an explicit sign: 10 → "+10", -25 → "-25", 0 → "0". */
export function fixedSign(points: number): string {
  const text = Number.isInteger(points) ? String(points) : points.toFixed(2);
  return points > 0 ? `+${text}` : text;
}
