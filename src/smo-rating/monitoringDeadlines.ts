import * as z from 'zod';
import { parseInput, trace, type TraceStep } from '../_internal';
import { annex1, ReportingQuarterSchema, type ReportingQuarter } from './assessment';

/** Input of {@link monitoringDeadlines}: a cumulative reporting period. */
export interface MonitoringDeadlinesInput {
  /** The calendar year, 2026…9998 (the order is in force from 1 January 2026; monitoring starts with the first quarter of 2026, пункт 17). */
  year: number;
  /** The quarter the cumulative period ends with; 4 is the January–December period, with its own deadlines. */
  quarter: ReportingQuarter;
}

/** Schema of {@link MonitoringDeadlinesInput}. */
export const MonitoringDeadlinesInputSchema: z.ZodType<MonitoringDeadlinesInput, MonitoringDeadlinesInput> = z.strictObject({
  year: z
    .number('year must be a number')
    .int('year must be a whole number')
    .min(2026, 'the order is in force from 1 January 2026: year must be 2026 or later')
    .max(9998, 'year must be at most 9998: every date is written with a four-digit year'),
  quarter: ReportingQuarterSchema,
});

/** One deadline: the day after the period the order names, and its calendar date. */
export interface MonitoringDeadline {
  /** N of «на N день, следующий за отчетным периодом». */
  day: number;
  /** The date, ISO `YYYY-MM-DD`: the period's last day + N calendar days. */
  date: string;
}

/** Result of {@link monitoringDeadlines}. */
export interface MonitoringDeadlines {
  /** First day of the period (always 1 January: the periods are cumulative), ISO. */
  periodStart: string;
  /** Last day of the period, ISO. */
  periodEnd: string;
  /** Whether the period is January–December (the deadlines of the year apply). */
  annual: boolean;
  /** The insurer sends its data to the territorial fund (пункт 4): day 20, or 40 for the year. */
  smoReport: MonitoringDeadline;
  /** The territorial fund sends the assessments to the Federal fund (пункт 16): day 30, or 50. */
  fundReport: MonitoringDeadline;
  /** The Federal fund publishes the rating (пункт 23): day 45, or 60. */
  ratingPublication: MonitoringDeadline;
  /** How every date was obtained. */
  trace: TraceStep[];
}

/** `YYYY-MM-DD` of a UTC instant. */
function iso(utcMs: number): string {
  const d = new Date(utcMs);
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/**
 * The deadlines of a cumulative reporting period under Приказ ФФОМС № 140н: when the insurer
 * sends its data to the territorial fund (пункт 4), when the fund sends the assessments to the
 * Federal fund (пункт 16) and when the Federal fund publishes the rating (пункт 23).
 *
 *     quarters 1–3:        day 20, day 30, day 45 after the period
 *     January–December:    day 40, day 50, day 60 after the period
 *     date = last day of the period + N calendar days
 *
 * «На N день, следующий за отчетным периодом»: the first day following the period is day 1, so
 * day N is the period's last day plus N calendar days (day 20 after 31 March is 20 April). The
 * order counts days, not working days; a deadline that falls on a day off is given as it is —
 * the library holds no production calendar, and a shift under ст. 193 ГК РФ is the caller's.
 *
 * Source: Приказ ФФОМС № 140н, приложение 1, пункты 4, 16, 23.
 *
 * @param input - the year and the quarter the period ends with (4 = January–December)
 * @returns the period, the three deadlines with their day numbers and dates, and the trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` for a year before 2026 or after 9998, or a quarter
 *   other than 1–4
 * @example
 * ```ts
 * import { monitoringDeadlines } from 'oms-calc/smo-rating';
 *
 * const q1 = monitoringDeadlines({ year: 2026, quarter: 1 });
 * [q1.smoReport.date, q1.fundReport.date, q1.ratingPublication.date]; // ['2026-04-20', '2026-04-30', '2026-05-15']
 * const y = monitoringDeadlines({ year: 2027, quarter: 4 });
 * [y.smoReport.date, y.fundReport.date, y.ratingPublication.date];    // ['2028-02-09', '2028-02-19', '2028-02-29']
 * ```
 */
export function monitoringDeadlines(input: MonitoringDeadlinesInput): MonitoringDeadlines {
  const v = parseInput(MonitoringDeadlinesInputSchema, input, 'monitoringDeadlines');
  const t = trace();
  const annual = v.quarter === 4;
  const start = Date.UTC(v.year, 0, 1);
  // Day 0 of the month after the quarter is the quarter's last day.
  const end = Date.UTC(v.year, v.quarter * 3, 0);
  const periodStart = iso(start);
  const periodEnd = t.step(
    'Отчетный период',
    annual ? `январь — декабрь ${v.year}` : `январь — ${['март', 'июнь', 'сентябрь'][v.quarter - 1] ?? ''} ${v.year}, нарастающим итогом`,
    iso(end),
    annex1('4', '16', '23'),
  );
  const deadline = (symbol: string, day: number, point: string, what: string): MonitoringDeadline => {
    const date = t.step(symbol, `${what}: на ${day} день, следующий за отчетным периодом = ${periodEnd} + ${day} календарных дней`, iso(Date.UTC(v.year, v.quarter * 3, day)), annex1(point));
    return { day, date };
  };
  const smoReport = deadline('Срок СМО → ТФОМС', annual ? 40 : 20, '4', 'СМО направляет сведения в территориальный фонд');
  const fundReport = deadline('Срок ТФОМС → ФОМС', annual ? 50 : 30, '16', 'территориальный фонд направляет результаты оценки в Федеральный фонд');
  const ratingPublication = deadline('Срок публикации рейтинга', annual ? 60 : 45, '23', 'Федеральный фонд размещает рейтинг');
  return { periodStart, periodEnd, annual, smoReport, fundReport, ratingPublication, trace: t.steps };
}
