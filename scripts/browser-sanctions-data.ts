/** The cases file of the browser check of the sanctions CSV, and its options (scripts/browser-sanctions.ts). */
export const CASES = 'номер;дата;тариф;условия;нарушения\nА-1;01.03.2025;25 000,00;стационар;3.2.2|2.13\nА-2;2025-03-02;1000;hospital;\nА-3;2025-03-02;1000;hospital;9.9\n"Б;4";2025-03-03;500;все;"1.4.2"\n';
export const OPTIONS = { perCapitaRates: { стационар: '7000,00', все: '100' } };
