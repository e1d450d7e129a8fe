import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage, StageCategory } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { useToast } from '../../ui/toast';
import { Dialog } from '../../ui/Dialog';
import { errorMessage } from '../../ui/issues';
import { errorsByField } from '../shared/fieldErrors';
import { useStageName } from '../../ui/StageBadge';
import { AddNameForm } from './AddNameForm';
import { DeleteStageForm } from './DeleteStageForm';
import { SettingsSection } from './SettingsSection';
import { StageRow } from './StageRow';
import { groupStages, moveId } from './stageOrder';

/** The stages of one category: sortable among themselves (stages never change category), and a field to add one. */
function CategoryStages({
  category,
  stages,
  onReorder,
  onRename,
  onDelete,
  errors,
}: {
  category: StageCategory;
  stages: Stage[];
  onReorder: (ids: string[]) => void;
  onRename: (stage: Stage, name: string) => Promise<boolean>;
  onDelete: (stage: Stage) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('settings');
  const stageName = useStageName();
  const toast = useToast();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const ids = stages.map((stage) => stage.id);
  const nameOf = (id: string | number) => {
    const stage = stages.find((candidate) => candidate.id === id);
    return stage ? stageName(stage) : '';
  };
  const positionOf = (id: string | number | undefined) => ids.indexOf(String(id)) + 1;
  // dnd-kit speaks to screen readers in English by default: these say the same in the user's language.
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('stages.dnd.start', { name: nameOf(active.id), position: positionOf(active.id), total: ids.length }),
    onDragOver: ({ active, over }) => (over ? t('stages.dnd.over', { name: nameOf(active.id), position: positionOf(over.id), total: ids.length }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('stages.dnd.end', { name: nameOf(active.id), position: positionOf(over.id), total: ids.length }) : undefined),
    onDragCancel: ({ active }) => t('stages.dnd.cancel', { name: nameOf(active.id) }),
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onReorder(moveId(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };

  return (
    <div className="st-category">
      <h3 className={`st-category-title cat-${category}`}>
        <span className="dot" aria-hidden="true" />
        {t(`common:stageCategory.${category}`)}
      </h3>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('stages.dnd.instructions') } }}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ul className="st-stages">
            {stages.map((stage, index) => (
              <StageRow
                key={stage.id}
                stage={stage}
                index={index}
                isLast={index === stages.length - 1}
                movable={stages.length > 1}
                count={stage.applicationCount}
                error={errors[stage.id]}
                onRename={onRename}
                onDelete={onDelete}
                onMove={(_stage, step) => onReorder(moveId(ids, index, index + step))}
              />
            ))}
          </ul>
        </SortableContext>
      </DndContext>
      <AddNameForm
        compact
        label={t('stages.newLabel', { category: t(`common:stageCategory.${category}`) })}
        placeholder={t('stages.addPlaceholder')}
        onAdd={async (name) => {
          await invoke('stages.create', { name, category });
          toast.show(t('stages.added', { name: name.trim() }));
        }}
      />
    </div>
  );
}

/**
 * The stages editor. Reordering shows at once (the list keeps the new order until the saved one comes back);
 * renaming is saved per field; deleting asks where the stage's applications go.
 */
export function StagesSection() {
  const { t } = useTranslation('settings');
  const stageName = useStageName();
  const toast = useToast();
  const query = useChannel('stages.list', undefined);
  // A reorder made on this version of the list; dropped as soon as a newer list (the saved order) arrives.
  const [pending, setPending] = useState<{ basedOn: Stage[]; ids: string[] } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [deleting, setDeleting] = useState<Stage | null>(null);
  const stages = query.data ?? [];
  const order = pending && pending.basedOn === query.data ? pending.ids : null;
  const displayed = order ? order.map((id) => stages.find((stage) => stage.id === id)!).map((stage, index) => ({ ...stage, position: index })) : stages;

  const reorder = async (ids: string[]) => {
    if (!query.data) return;
    setPending({ basedOn: query.data, ids: [...stages.filter((stage) => !ids.includes(stage.id)).map((stage) => stage.id), ...ids] });
    try {
      await invoke('stages.reorder', { ids });
    } catch (error) {
      setPending(null);
      toast.show(errorMessage(t, error));
    }
  };
  const rename = async (stage: Stage, name: string) => {
    try {
      await invoke('stages.rename', { id: stage.id, name });
      setErrors(({ [stage.id]: _dropped, ...rest }) => rest);
      return true;
    } catch (error) {
      setErrors((current) => ({ ...current, [stage.id]: errorsByField(t, error).name ?? errorMessage(t, error) }));
      return false;
    }
  };

  return (
    <SettingsSection id="stages" title={t('stages.title')} description={t('stages.description')}>
      {query.error && (
        <p className="rec-form-error" role="alert">
          {errorMessage(t, query.error)}
        </p>
      )}
      <div className="st-categories">
        {groupStages(displayed).map(({ category, stages: ofCategory }) => (
          <CategoryStages key={category} category={category} stages={ofCategory} onReorder={(ids) => void reorder(ids)} onRename={rename} onDelete={setDeleting} errors={errors} />
        ))}
      </div>
      <Dialog
        open={deleting !== null}
        title={deleting ? t('stages.deleteTitle', { name: stageName(deleting) }) : ''}
        onClose={() => setDeleting(null)}
      >
        {deleting && <DeleteStageForm stage={deleting} stages={stages} onDone={() => setDeleting(null)} onCancel={() => setDeleting(null)} />}
      </Dialog>
    </SettingsSection>
  );
}
