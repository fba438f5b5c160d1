/**
 * A `coding:` setting of study.yaml as written (load.ts checked its keys and values), or
 * undefined when the study has no such setting. The one place that reads the `coding` mapping:
 * each setting's default stays with the code that uses it.
 */
export function codingSetting(settings: Readonly<Record<string, unknown>>, key: string): unknown {
  const coding = settings['coding'];
  return coding && typeof coding === 'object' ? (coding as Record<string, unknown>)[key] : undefined;
}
