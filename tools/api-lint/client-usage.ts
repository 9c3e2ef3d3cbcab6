// What an integrator writes against the generated TypeScript client; compiled by tsc in the contract
// lint (run.sh). If the contract changes the shape of a request, an answer or an error, this stops
// compiling. It is never run: the Java client test calls the live service.
import {
  Configuration,
  GuidanceApi,
  RulesetApi,
  ResponseError,
  type GuidanceResponse,
  type PatientCase,
  type Problem,
} from '../../target/generated-sources/openapi-typescript';

const config = new Configuration({ basePath: 'http://127.0.0.1:8080' });

const patient: PatientCase = {
  ecog: 1,
  bclcStage: 'C',
  liver: { childPughScore: 5, albuminGDl: 3.9, bilirubinMgDl: 1.0 },
  tumour: { afpNgMl: 50 },
  priorSystemicTherapies: [{ regimen: 'ATEZOLIZUMAB_BEVACIZUMAB', line: 1, outcome: 'PROGRESSION' }],
};

export async function firstRecommendation(): Promise<string | undefined> {
  try {
    const guidance: GuidanceResponse = await new GuidanceApi(config).evaluateGuidance({ patientCase: patient });
    const version: string | undefined = guidance.audit?.rulesetVersion;
    const ruleSet = await new RulesetApi(config).getRuleSet();
    if (ruleSet.version !== version) {
      return undefined;
    }
    return guidance.recommendations?.[0]?.code;
  } catch (e) {
    if (e instanceof ResponseError && e.response.status === 400) {
      const problem: Problem = await e.response.json();
      const fields: (string | undefined)[] = (problem.errors ?? []).map((err) => err.field);
      throw new Error(`invalid patient: ${fields.join(', ')} (${problem.moreErrors ?? 0} more)`);
    }
    throw e;
  }
}
