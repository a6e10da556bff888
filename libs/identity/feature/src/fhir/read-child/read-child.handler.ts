import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { RuleViolation } from '@registry/contracts';
import { RetryLaterException } from '@registry/platform';
import {
  observationResources,
  patientResource,
  searchObservations,
  searchsetBundle,
  type ChildFacts,
  type ObservationSearch,
} from '@registry/identity-domain';
import { FindChildrenHandler } from '../../children/find-children/find-children.handler';
import type { ChildView } from '../../children/find-children/child-view';
import { IntakeMeasurementsClient, type UploaderCredential } from '../../infrastructure/intake-measurements.client';

/** A child and its measurements as FHIR resources: the Patient from identity, the Observations from intake. */
@Injectable()
export class ReadChildHandler {
  constructor(
    private readonly children: FindChildrenHandler,
    private readonly intake: IntakeMeasurementsClient,
  ) {}

  async patient(principal: Principal, childId: string): Promise<object> {
    return patientResource(factsOf(await this.children.byId(principal, childId, 'GET /fhir/R4/Patient/{id}')));
  }

  /** The child's Observations that match the search, voided ones as entered-in-error, in a searchset Bundle. */
  async observations(
    credential: UploaderCredential,
    childId: string,
    search: ObservationSearch,
    base: string,
    correlationId: string,
  ) {
    const found = searchObservations(await this.observationResources(credential, childId, correlationId), search);
    if ('problem' in found) throw new RuleViolation('malformed', 'date', found.problem);
    return searchsetBundle(found.matches, base);
  }

  /** Patient/{id}/$everything: the Patient and all its Observations. */
  async everything(
    principal: Principal,
    credential: UploaderCredential,
    childId: string,
    base: string,
    correlationId: string,
  ) {
    const patient = patientResource(
      factsOf(await this.children.byId(principal, childId, 'GET /fhir/R4/Patient/{id}/$everything')),
    );
    return searchsetBundle([patient, ...(await this.observationResources(credential, childId, correlationId))], base);
  }

  private async observationResources(credential: UploaderCredential, childId: string, correlationId: string) {
    const answer = await this.intake.childHistory(credential, childId, correlationId);
    switch (answer.kind) {
      case 'history':
        return answer.items.flatMap((item) => observationResources(item, item.status));
      case 'not_found':
        throw new RuleViolation('not_found', 'subject', `no child ${childId} is registered in your area`);
      case 'credential_refused':
        throw new RuleViolation('forbidden', 'role', answer.message);
      case 'unavailable':
        throw new RetryLaterException(5, { message: `${answer.message}; send the request again shortly` });
      default: {
        const unknown: never = answer;
        throw new Error(`unknown intake answer ${JSON.stringify(unknown)}`);
      }
    }
  }
}

function factsOf(view: ChildView): ChildFacts {
  const personal = view.personalData;
  return {
    id: view.id,
    sex: view.sex,
    birthDate: view.birthDate,
    diedOn: view.diedOn,
    villageCode: view.residence.villageCode,
    personal: personal
      ? { nik: personal.nik, name: personal.name, motherName: personal.mother.name, motherNik: personal.mother.nik }
      : null,
  };
}
