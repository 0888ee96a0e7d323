/**
 * Official organisation identifiers, checked where the country's scheme is known.
 * France: the SIRET, 14 digits with a Luhn check digit (La Poste's establishments,
 * SIREN 356000000, use a digit sum divisible by 5 instead).
 */
export function identifierProblem(country: string, identifier: string): string | null {
  if (country !== "FR") return identifier.trim() ? null : "organisation identifier is empty";
  if (!/^\d{14}$/.test(identifier)) return `SIRET "${identifier}" must be 14 digits`;
  if (identifier.startsWith("356000000")) {
    const sum = [...identifier].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0 ? null : `SIRET "${identifier}" has a wrong check digit`;
  }
  return luhnValid(identifier) ? null : `SIRET "${identifier}" has a wrong check digit`;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
