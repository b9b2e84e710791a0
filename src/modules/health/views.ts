/** Rows of the health tables as the API returns them. */
import type { devReferrals, devScreenings, growthMeasurements, newbornVisits, vaccinations } from './schema.ts';
import type { MeasurementView, ReferralView, ScreeningView, VaccinationView, VisitView } from './contract.ts';
import { mchatOutcome, scoreMchat } from './mchat.ts';
import { daysBetween } from '../../app/dates.ts';

export function measurementToView(r: typeof growthMeasurements.$inferSelect): MeasurementView {
  return {
    id: r.id,
    measuredOn: r.measuredOn,
    ageDays: r.ageDays,
    weightKg: r.weightKg,
    lengthCm: r.lengthCm,
    position: r.position,
    headCm: r.headCm,
    bmi: r.bmi,
    z: { weightForAge: r.zWeight, lengthForAge: r.zLength, weightForLength: r.zWeightLength, bmiForAge: r.zBmi, headForAge: r.zHead },
    notes: r.notes,
    recordedByName: r.recordedByName,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

export function screeningToView(r: typeof devScreenings.$inferSelect): ScreeningView {
  let mchat: ScreeningView['mchat'] = null;
  if (r.instrument === 'mchat' && r.answers) {
    const s = scoreMchat(r.answers);
    const outcome = mchatOutcome(s, r.ageMonths);
    mchat = {
      answers: r.answers,
      score: s.score,
      risk: s.risk,
      atRiskItems: s.atRiskItems,
      rescreenAtMonths: outcome.result === 'negative' ? outcome.rescreenAtMonths : null,
      followUp: r.followUpOn ? { on: r.followUpOn, stillAtRisk: r.followUpItems ?? [], score: r.followUpScore ?? 0 } : null,
    };
  }
  return {
    id: r.id,
    instrument: r.instrument,
    screenedOn: r.screenedOn,
    ageMonths: r.ageMonths,
    result: r.result,
    warningSigns:
      r.instrument === 'warningSigns' ? { bandMonths: r.bandMonths ?? 0, signsPresent: r.signsPresent ?? [], regression: r.regression ?? false } : null,
    mchat,
    notes: r.notes,
    recordedByName: r.recordedByName,
  };
}

export function referralToView(r: typeof devReferrals.$inferSelect): ReferralView {
  return {
    id: r.id,
    personId: r.personId,
    screeningId: r.screeningId,
    triggers: r.triggers,
    level: r.level,
    status: r.status,
    suggestedOn: r.suggestedOn,
    institution: r.institution,
    referredOn: r.referredOn,
    attendedOn: r.attendedOn,
    result: r.result,
    outcome: r.outcome,
    closedOn: r.closedOn,
    notes: r.notes,
  };
}

export function vaccinationToView(r: typeof vaccinations.$inferSelect): VaccinationView {
  return { id: r.id, vaccine: r.vaccine, series: r.series, dose: r.dose, givenOn: r.givenOn, lot: r.lot, place: r.place, recordedByName: r.recordedByName };
}

export function visitToView(r: typeof newbornVisits.$inferSelect, birthDate: string): VisitView {
  return {
    id: r.id,
    visitedOn: r.visitedOn,
    ageDays: daysBetween(birthDate, r.visitedOn),
    kind: r.kind,
    weightKg: r.weightKg,
    feeding: r.feeding,
    jaundice: r.jaundice,
    umbilicusNormal: r.umbilicusNormal,
    findings: r.findings,
    guidance: r.guidance,
    referred: r.referred,
    recordedByName: r.recordedByName,
  };
}
