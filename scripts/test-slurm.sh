#!/usr/bin/env bash
# Reprise on a real Slurm scheduler: a one-node cluster on this machine (as root), the quick profile
# of taso-vs-adaptive submitted as job arrays (selection, then finals with afterok, then figures),
# and every stored dataset compared with a serial run's; then a task requeued mid-cell resumes from
# its checkpoint. Stops what it started, by process id.
set -euo pipefail
bin=$(readlink -f "${1:-.build/release/reprise}")
[ "$(id -u)" = 0 ] || { echo "test-slurm: needs root to start slurmctld, slurmd and munged; skipped"; echo "test-slurm: 0 passed, 0 failed, 1 skipped"; exit 0; }
missing=$(for p in slurmctld slurmd slurm-client munge; do dpkg-query -W -f='${Status}' $p 2>/dev/null | grep -q 'install ok installed' || echo $p; done)
if [ -n "$missing" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing > /dev/null
fi
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for f in "$work/slurmctld.pid" "$work/slurmd.pid"; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "test-slurm: FAILED: $*" >&2; exit 1; }

# munge: a random key owned by munge, the daemon as the munge user.
install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge /var/log/munge
install -d -o munge -g munge -m 0755 /run/munge
head -c 1024 /dev/urandom > /etc/munge/munge.key
chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key
runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/munged.pid -S /run/munge/munge.socket.2 -f
for _ in $(seq 1 20); do [ -s /run/munge/munged.pid ] && break; sleep 0.2; done
pids+=("$(cat /run/munge/munged.pid)")

host=$(hostname -s)
mkdir -p /etc/slurm "$work/state" "$work/spool"
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=reprise
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -c
slurmd
for _ in $(seq 1 60); do sinfo -h -o %T 2>/dev/null | grep -qE "idle|mixed" && break; sleep 1; done
sinfo -h -o %T | grep -qE "idle|mixed" || fail "the node did not come up: $(tail -5 "$work/slurmd.log" 2>/dev/null)"
echo "test-slurm: one-node cluster up on $host ($(nproc) CPUs)"

exp=taso-vs-adaptive
"$bin" slurm "$exp" --profile quick --submit --results "$work/slurm-results" --figures "$work/slurm-figures" --output "$work/jobs"
for _ in $(seq 1 900); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 2; done
[ -z "$(squeue -h)" ] || fail "jobs still queued after 30 minutes"
for f in $(grep -l "error" "$work/jobs/"*.log 2>/dev/null || true); do echo "--- $f"; tail -5 "$f"; done

"$bin" run "$exp" --profile quick --results "$work/serial" > /dev/null 2>&1
n=0
for f in $(cd "$work/serial" && find . -name '*.h5' ! -path './.tmp/*' | sort); do
  [ -f "$work/slurm-results/$f" ] || fail "the Slurm run did not store $f"
  case "$f" in */selection/*/*) ;; */selection/*) continue ;; esac
  cmp -s <(h5dump -g /epochs -g /steps -g /tensors "$work/serial/$f" | tail -n +2) \
         <(h5dump -g /epochs -g /steps -g /tensors "$work/slurm-results/$f" | tail -n +2) || fail "$f differs from the serial run"
  n=$((n + 1))
done
[ -s "$work/slurm-figures/$exp/quick/summary.md" ] || fail "the figures job did not draw the summary"
echo "test-slurm: $n cells stored by Slurm job arrays equal the serial run's; figures drawn by the dependent job"

# A task requeued mid-cell (as preemption does: SIGTERM, then the task runs again) resumes from
# the checkpoint it wrote on SIGTERM and stores the datasets of an uninterrupted run.
mkdir -p "$work/long"
# The end-to-end test's long cell, at 40 epochs (10000 steps), with a checkpoint every 500 steps.
sed 's/^epochs = 12$/epochs = 40/' "$(dirname "$0")/long-cell.toml" > "$work/long/long.toml"
printf '[checkpoint]\nevery_steps = 500\n' >> "$work/long/long.toml"
grep -q '^epochs = 40$' "$work/long/long.toml" || fail "scripts/long-cell.toml no longer has epochs = 12"
"$bin" slurm long --experiments "$work/long" --submit --results "$work/long-results" --figures "$work/long-figures" --output "$work/long-jobs" > /dev/null
cell="$work/long-results/long/default/adam--seed0"
for _ in $(seq 1 600); do [ -e "$cell.checkpoint" ] && break; sleep 0.1; done
[ -e "$cell.checkpoint" ] || fail "the long cell wrote no checkpoint within a minute: $(cat "$work/long-jobs/"*.log 2>/dev/null | tail -3)"
task=$(squeue -h -o %i -n reprise-long-final | head -1)
[ -n "$task" ] || fail "the long cell's task is not running"
scontrol requeue "$task"
for _ in $(seq 1 900); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 2; done
[ -z "$(squeue -h)" ] || fail "the requeued task did not finish within 30 minutes"
log=$(cat "$work/long-jobs/long-final-"*.log)
grep -q "stopped by a termination request .* its checkpoint is" <<< "$log" || fail "the requeued task did not checkpoint on SIGTERM: $log"
grep -q "resumed from its checkpoint at step [1-9]" <<< "$log" || fail "the requeued task did not resume: $log"
"$bin" run long --experiments "$work/long" --results "$work/long-serial" > /dev/null 2>&1
cmp -s <(h5dump -g /epochs -g /steps -g /tensors "$work/long-serial/long/default/adam--seed0.h5" | tail -n +2) \
       <(h5dump -g /epochs -g /steps -g /tensors "$cell.h5" | tail -n +2) || fail "the requeued cell differs from an uninterrupted run"
from=$(h5dump -a /wallclock/resumed_from_step "$cell.h5" | grep -o '(0): [0-9]*' | grep -o '[0-9]*$')
echo "test-slurm: a task requeued mid-cell checkpointed on SIGTERM, resumed at step $from of 10000 and stored the uninterrupted run's datasets"
echo "test-slurm: 2 passed, 0 failed"
