import type { Task } from '../../../../src-shared/contract';
import { TaskForm } from './TaskForm';
import { TaskRow, type TaskRowHandlers } from './TaskRow';

/** Tasks as rows; the one being edited shows its form in place. */
export function TaskList({
  tasks,
  today,
  editingId,
  showApplication,
  applicationId,
  onCloseEdit,
  ...handlers
}: TaskRowHandlers & {
  tasks: Task[];
  today: string;
  editingId: string | null;
  showApplication: boolean;
  applicationId?: string;
  onCloseEdit: () => void;
}) {
  return (
    <ul className="rec-list tk-list">
      {tasks.map((task) =>
        task.id === editingId ? (
          <li key={task.id} className="tk-editing">
            <TaskForm task={task} applicationId={applicationId} onDone={onCloseEdit} onCancel={onCloseEdit} />
          </li>
        ) : (
          <TaskRow key={task.id} task={task} today={today} showApplication={showApplication} {...handlers} />
        ),
      )}
    </ul>
  );
}
