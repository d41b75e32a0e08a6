// Whole numbers as the pages show them (contract/format-number.ts: the BFF's first-results preview writes the same).
export { formatWholeNumber } from '../../contract/format-number';
