import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../use-api';

interface InterventionType {
  readonly code: string;
  readonly name: string;
  readonly responsibleOpd: string;
  readonly unit: string;
  readonly target: string;
}

// The sources the interventions service accepts; it refuses any other with its own list.
const FUNDING_SOURCES = ['APBD', 'DAK', 'DANA_DESA', 'BAZNAS', 'CSR', 'SPONSORSHIP', 'APBN', 'OTHER'];

/** Records a planned or delivered intervention through the interventions API; a refusal shows beside its field. */
export function InterventionForm({ childId, onSaved }: { childId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const types = useApi(() => api.get<{ items: InterventionType[] }>('interventions', '/v1/intervention-types'), []);
  // A child's package counts its household's interventions too (water, sanitation, social assistance).
  const childTypes = (types.data?.items ?? []).filter((type) => type.target === 'child' || type.target === 'household');
  const [type, setType] = useState('');
  const [status, setStatus] = useState<'delivered' | 'planned'>('delivered');
  const [on, setOn] = useState(new Date().toISOString().slice(0, 10));
  const [quantity, setQuantity] = useState('1');
  const [fundingSource, setFundingSource] = useState('APBD');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const chosen = childTypes.find((candidate) => candidate.code === type);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setProblems({});
    try {
      await api.post('interventions', '/v1/interventions', {
        childId,
        type,
        status,
        ...(status === 'delivered' ? { deliveredOn: on } : { plannedOn: on }),
        provider: chosen?.responsibleOpd ?? '',
        quantity: Number(quantity),
        unit: chosen?.unit ?? '',
        fundingSource,
      });
      setSaved(true);
      onSaved();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const byField = Object.fromEntries(error.fields.map((f) => [f.field, f.problems.join('; ')]));
      setProblems(Object.keys(byField).length ? byField : { form: error.message });
    }
  };
  const problem = (field: string) =>
    problems[field] ? (
      <span className="field-error" role="alert" id={`${field}-error`}>
        {problems[field]}
      </span>
    ) : null;

  return (
    <form className="form" onSubmit={(event) => void submit(event)} aria-labelledby="record-intervention">
      <h3 id="record-intervention">{t('recordInterventions')}</h3>
      <label>
        {t('interventionType')}
        <select
          name="type"
          value={type}
          onChange={(event) => setType(event.target.value)}
          required
          aria-describedby="type-error"
        >
          <option value="" />
          {childTypes.map((candidate) => (
            <option key={candidate.code} value={candidate.code}>
              {candidate.name} ({candidate.responsibleOpd})
            </option>
          ))}
        </select>
        {problem('type')}
      </label>
      <label>
        {t('status')}
        <select
          name="status"
          value={status}
          onChange={(event) => setStatus(event.target.value === 'planned' ? 'planned' : 'delivered')}
        >
          <option value="delivered">{t('delivered')}</option>
          <option value="planned">{t('planned')}</option>
        </select>
      </label>
      <label>
        {status === 'delivered' ? t('deliveredOn') : t('plannedOn')}
        <input name="on" type="date" value={on} onChange={(event) => setOn(event.target.value)} required />
        {problem(status === 'delivered' ? 'deliveredOn' : 'plannedOn')}
      </label>
      <label>
        {t('quantity')} {chosen ? `(${chosen.unit})` : ''}
        <input
          name="quantity"
          type="number"
          min="0"
          step="any"
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
        />
        {problem('quantity')}
      </label>
      <label>
        {t('fundingSource')}
        <select name="fundingSource" value={fundingSource} onChange={(event) => setFundingSource(event.target.value)}>
          {FUNDING_SOURCES.map((source) => (
            <option key={source} value={source}>
              {source}
            </option>
          ))}
        </select>
      </label>
      {problem('form')}
      <button type="submit" className="primary">
        {t('save')}
      </button>
      {saved && <span role="status">{t('saved')}</span>}
    </form>
  );
}
