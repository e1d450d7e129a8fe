import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type {
  FileSource,
  ImportOptions,
  ImportPreview,
  ImportResult,
  ImportSettings,
  ImportTarget,
  ImportValueMaps,
  ValueMappedField,
} from '../../../../../src-shared/contract';
import { multiColumnFields } from '../../../../../src-shared/contract';
import type { AppError } from '../../../../../src-shared/errors';
import { invoke } from '../../../api/client';

export type WizardStep = 'file' | 'columns' | 'values' | 'review' | 'done';

export interface PickedFile {
  /** Changes with every pick, so the preview of an earlier file is never reused. */
  id: number;
  source: FileSource;
  fileName: string;
  bytes: number | null;
}

interface Choices {
  settings: ImportSettings;
  /** null: the proposal of the preview. */
  mapping: (ImportTarget | null)[] | null;
  valueMaps: ImportValueMaps;
  /** The stage the user chose for a column of steps or cards (column index -> stage id). */
  columnStages: Record<string, string | null>;
  options: ImportOptions;
}

const initialChoices: Choices = { settings: {}, mapping: null, valueMaps: {}, columnStages: {}, options: {} };
let nextPickId = 1;

/** Settings that change which rows and columns the file has: a mapping made before no longer fits. */
const structuralSettings: (keyof ImportSettings)[] = ['sheet', 'delimiter', 'hasHeader', 'headerRow'];

/**
 * The wizard's state: the picked file, the user's choices, the preview of those choices (main re-reads the file
 * each time, so what is previewed is exactly what will be imported), and the import itself.
 */
export function useImportWizard() {
  const [step, setStep] = useState<WizardStep>('file');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [choices, setChoices] = useState<Choices>(initialChoices);
  const [result, setResult] = useState<ImportResult | null>(null);

  const input = useMemo(
    () =>
      file && {
        source: file.source,
        settings: choices.settings,
        ...(choices.mapping ? { mapping: choices.mapping } : {}),
        valueMaps: choices.valueMaps,
        columnStages: choices.columnStages,
        options: choices.options,
      },
    [file, choices],
  );

  const preview = useQuery<ImportPreview, AppError>({
    // The file is named by its pick id: hashing its content into the key would cost more than the preview.
    queryKey: ['imports.preview', file?.id ?? 0, choices],
    queryFn: () => invoke('imports.preview', input!),
    enabled: input !== null && step !== 'done',
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 0,
  });

  const run = useMutation<ImportResult, AppError>({
    mutationFn: () => invoke('imports.run', input!),
    onSuccess: (value) => {
      setResult(value);
      setStep('done');
    },
  });

  const resetRun = run.reset;
  const pick = useCallback(
    (source: FileSource, bytes: number | null) => {
      setFile({ id: nextPickId++, source, fileName: source.fileName ?? '', bytes });
      setChoices(initialChoices);
      setResult(null);
      resetRun();
      setStep('columns');
    },
    [resetRun],
  );

  const restart = useCallback(() => {
    setFile(null);
    setChoices(initialChoices);
    setResult(null);
    resetRun();
    setStep('file');
  }, [resetRun]);

  const changeSettings = useCallback((change: Partial<ImportSettings>) => {
    setChoices((current) => {
      const structural = structuralSettings.some((key) => key in change);
      return {
        ...current,
        settings: { ...current.settings, ...change, ...(structural ? { dateOrders: undefined } : {}) },
        mapping: structural ? null : current.mapping,
        columnStages: structural ? {} : current.columnStages,
      };
    });
  }, []);

  /** Maps a column; a field that takes one column leaves the column it was on. */
  const mapColumn = useCallback(
    (column: number, field: ImportTarget | null) => {
      const base = choices.mapping ?? preview.data?.mapping ?? [];
      const mapping = base.map((current, index) => {
        if (index === column) return field;
        return field !== null && current === field && !multiColumnFields.includes(field) ? null : current;
      });
      setChoices((current) => ({ ...current, mapping }));
    },
    [choices.mapping, preview.data?.mapping],
  );

  const chooseColumnStage = useCallback((column: number, stageId: string | null) => {
    setChoices((current) => ({ ...current, columnStages: { ...current.columnStages, [String(column)]: stageId } }));
  }, []);

  const mapValue = useCallback((field: ValueMappedField, key: string, target: string | null) => {
    setChoices((current) => ({
      ...current,
      valueMaps: { ...current.valueMaps, [field]: { ...(current.valueMaps[field] ?? {}), [key]: target } },
    }));
  }, []);

  const setOption = useCallback((option: keyof ImportOptions, value: boolean) => {
    setChoices((current) => ({ ...current, options: { ...current.options, [option]: value } }));
  }, []);

  return {
    step,
    setStep,
    file,
    choices,
    preview,
    run,
    result,
    pick,
    restart,
    changeSettings,
    mapColumn,
    chooseColumnStage,
    mapValue,
    setOption,
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
