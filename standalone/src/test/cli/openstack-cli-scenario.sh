#!/usr/bin/env bash
# The unmodified OpenStack client (Debian's python3-openstackclient and python3-troveclient) drives a standalone
# Shoal on its embedded defaults: a MySQL instance with a configuration group, resized, its access (security
# group) changed, a replica promoted and detached, a backup restored into a new instance, a Cassandra cluster grown
# and shrunk, a PostgreSQL instance with a replica, and everything deleted; each command's output is checked.
#
#   standalone/src/test/cli/openstack-cli-scenario.sh [path/to/shoal-standalone.jar]
#
# Run it from the repository root after `./mvnw package` (the standalone jar and cassandra-dist are used).
#
# Security groups are enforced with iptables when the scenario runs as root and iptables works (as on CI), so the
# client's access changes are seen refusing and admitting real connections; elsewhere (or with
# SHOAL_SCENARIO_FIREWALL=none) Shoal runs with its default, firewall none, and the scenario checks that the
# groups say they are not enforced. Either way no iptables rule of the scenario's nodes is left behind.
set -uo pipefail

JAR=${1:-standalone/target/shoal-standalone.jar}
PORT=${SHOAL_SCENARIO_PORT:-18779}
# nodes take loopback addresses from here on; another run at the same time takes another range
FIRST_ADDRESS=${SHOAL_SCENARIO_FIRST_ADDRESS:-127.0.30.1}
WORK=$(mktemp -d /tmp/shoal-cli-scenario.XXXXXX)
# a guest running as root runs PostgreSQL as its own user (shoal-pg), which must pass through to the node directories
chmod o+x "$WORK"
API=http://127.0.0.1:$PORT
OPERATOR=shoal_cli-scenario-operator-0123456789abcdef
# a Keystone-style project id: the client resolves anything else through Keystone
TENANT=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
PASSED=0
FAILED=0
if [[ "${SHOAL_SCENARIO_FIREWALL:-iptables}" == iptables && $(id -u) == 0 ]] && iptables -w 10 -S INPUT >/dev/null 2>&1
then
  FIREWALL=iptables
else
  FIREWALL=none
fi

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# node_chain NODE_ID: the iptables chain of a node's security group (IptablesRules.chain)
node_chain() { echo "SHOAL-$(tr -d - <<<"$1" | cut -c1-16)"; }

# Every node that may hold a firewall has a directory: whatever of it is left (a failed run) goes.
remove_firewalls() {
  [[ "$FIREWALL" == iptables && -d "$WORK/home/nodes" ]] || return 0
  local dir chain rule
  for dir in "$WORK"/home/nodes/*/; do
    [[ "$(basename "$dir")" =~ ^[0-9a-f-]{36}$ ]] || continue
    chain=$(node_chain "$(basename "$dir")")
    iptables -w 10 -S INPUT | grep -- "-j $chain\$" | sed 's/^-A /-D /' | while read -r rule; do
      eval "iptables -w 10 $rule"
    done
    iptables -w 10 -F "$chain" 2>/dev/null && iptables -w 10 -X "$chain" 2>/dev/null
  done
}

cleanup() {
  [[ -n "${SHOAL_PID:-}" ]] && kill "$SHOAL_PID" 2>/dev/null && wait "$SHOAL_PID" 2>/dev/null
  pkill -f "$WORK/home" 2>/dev/null
  for _ in $(seq 1 30); do pgrep -f "$WORK/home" >/dev/null || break; sleep 1; done
  pkill -9 -f "$WORK/home" 2>/dev/null
  remove_firewalls
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  FAILED=$((FAILED + 1))
  log "FAIL: $*"
}

pass() {
  PASSED=$((PASSED + 1))
  log "ok: $*"
}

finish() {
  if ((FAILED > 0)); then
    log "the service's last warnings and errors:"
    grep -E " (WARN|ERROR) " "$WORK/shoal.log" | grep -v "amq.rabbitmq.reply-to" | tail -n 30 | cut -c1-600
  fi
  echo "cli scenario: $PASSED passed, $FAILED failed"
  ((FAILED == 0))
  exit $?
}

# The steps after a failed wait depend on it: stop there.
abort() {
  fail "$*"
  finish
}

os() {
  openstack --os-auth-type admin_token --os-endpoint "$API/v1.0/$TENANT" --os-token "$TOKEN" "$@" 2>&1
}

# expect DESCRIPTION OUTPUT NEEDLE...: every needle appears in the output
expect() {
  local what=$1 output=$2
  shift 2
  for needle in "$@"; do
    if ! grep -qF -- "$needle" <<<"$output"; then
      fail "$what: no '$needle' in:"
      printf '%s\n' "$output"
      return 1
    fi
  done
  pass "$what"
}

# absent DESCRIPTION OUTPUT NEEDLE: the needle does not appear in the output
absent() {
  if grep -qF -- "$3" <<<"$2"; then
    fail "$1: '$3' is still in:"
    printf '%s\n' "$2"
    return 1
  fi
  pass "$1"
}

# refuse DESCRIPTION NEEDLE COMMAND...: the command fails and prints Shoal's message
refuse() {
  local what=$1 needle=$2 output
  shift 2
  if output=$("$@"); then
    fail "$what: the command succeeded: $output"
    return 1
  fi
  expect "$what" "$output" "$needle"
}

# await DESCRIPTION SECONDS EXPECTED COMMAND...: polls until the command prints EXPECTED (first line)
await() {
  local what=$1 seconds=$2 expected=$3 output=""
  shift 3
  local deadline=$((SECONDS + seconds))
  while ((SECONDS < deadline)); do
    output=$("$@" | head -n 1)
    [[ "$output" == "$expected" ]] && { pass "$what ($expected)"; return 0; }
    [[ "$output" == "ERROR" && "$expected" != "ERROR" ]] && break
    sleep 2
  done
  abort "$what: still '$output' (waited for $expected)"
}

# running_value INSTANCE PARAMETER: what the datastore runs, as `configuration default` shows it
running_value() {
  os database configuration default "$1" -f json | python3 -c \
    'import json, sys; print(json.load(sys.stdin).get(sys.argv[1], ""))' "$2" 2>/dev/null
}
config_instances() { os database configuration instances "$1" -f value -c Name; }
# field_of INSTANCE FIELD: one field of the instance as the client shows it, empty when it has none
field_of() {
  os database instance show "$1" -f json | python3 -c \
    'import json, sys; print(json.load(sys.stdin).get(sys.argv[1]) or "")' "$2" 2>/dev/null
}
status_of() { os database instance show "$1" -f value -c status; }
cluster_status() { os database cluster show "$1" -f value -c status; }
gone() { if os database "$1" show "$2" >/dev/null; then echo present; else echo gone; fi; }
mysql_value() {
  mariadb -h "$1" -u root -p"$2" --connect-timeout=3 -N -B -e "$3" 2>/dev/null | cut -f2
}
mysql_variable() { mysql_value "$1" "$2" "SHOW VARIABLES LIKE '$3'"; }
# login_value ADDRESS USER PASSWORD SQL: what a tenant's own account reads
login_value() { mariadb -h "$1" -u "$2" -p"$3" --connect-timeout=3 -N -B -e "$4" 2>/dev/null; }
# task_of INSTANCE: the name and state of the instance's last task
task_of() {
  os database instance show "$1" -f json | python3 -c \
    'import json, sys; t = json.load(sys.stdin).get("task") or {}; print(t.get("name", ""), t.get("state", ""))' \
    2>/dev/null
}
backup_status() { os database backup show "$1" -f value -c status; }
# access_of INSTANCE: the instance's access as the client prints it, "public=<bool> cidrs=<a,b>"
access_of() {
  os database instance show "$1" -f json | python3 -c 'import json, sys
i = json.load(sys.stdin)
print("public=%s cidrs=%s" % (i.get("public"), ",".join(i.get("allowed_cidrs") or [])))' 2>/dev/null
}
# reaches SOURCE ADDRESS PORT: "open" when a TCP connection from SOURCE gets through, "refused" when reset
reaches() {
  python3 -c 'import socket, sys
s = socket.socket()
s.settimeout(3)
s.bind((sys.argv[1], 0))
try:
    s.connect((sys.argv[2], int(sys.argv[3])))
    print("open")
except ConnectionRefusedError:
    print("refused")
except OSError as e:
    print("error: %s" % e)' "$1" "$2" "$3"
}
# trove_v1 CODE: python-troveclient's own v1 client (Trove's legacy API, which the openstack client does not
# offer for security groups), unmodified, as `c`; the same token and endpoint as the openstack client's
trove_v1() {
  /usr/bin/python3 -c "from keystoneauth1 import session
from keystoneauth1.token_endpoint import Token
from troveclient.v1 import client
c = client.Client(session=session.Session(auth=Token('$API/v1.0/$TENANT', '$TOKEN')))
$1" 2>&1
}

command -v openstack >/dev/null || abort "the openstack client is not installed (apt-get install python3-openstackclient python3-troveclient)"
[[ -f "$JAR" ]] || abort "no $JAR: build it with ./mvnw -DskipTests package"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then abort "port $PORT is taken (set SHOAL_SCENARIO_PORT)"; fi

log "starting Shoal on $API (work directory $WORK, firewall $FIREWALL)"
SHOAL_HOME=$WORK/home SHOAL_PORT=$PORT SHOAL_BOOTSTRAP_TOKEN=$OPERATOR \
  SHOAL_COMPUTE_LOCAL_FIRSTADDRESS=$FIRST_ADDRESS SHOAL_COMPUTE_LOCAL_HEARTBEATINTERVAL=2s \
  SHOAL_API_HEARTBEATEXPIRY=12s SHOAL_CONDUCTOR_HEARTBEATEXPIRY=12s SHOAL_CONDUCTOR_SWEEPINTERVAL=1s \
  SHOAL_COMPUTE_LOCAL_FIREWALL=$FIREWALL java -jar "$JAR" >"$WORK/shoal.log" 2>&1 &
SHOAL_PID=$!
for _ in $(seq 1 120); do
  curl -sf "$API/actuator/health" >/dev/null && break
  kill -0 "$SHOAL_PID" 2>/dev/null || abort "Shoal exited during start"
  sleep 1
done
curl -sf "$API/actuator/health" >/dev/null || abort "Shoal did not answer within 120 s"

# Tenants and their tokens are made through Shoal's operator API; everything after is the openstack client.
curl -sf -X POST "$API/v1.0/mgmt/tenants" -H "X-Auth-Token: $OPERATOR" -H 'Content-Type: application/json' \
  -d "{\"tenant\": {\"id\": \"$TENANT\", \"name\": \"acme\"}}" >/dev/null || abort "tenant not created"
TOKEN=$(curl -sf -X POST "$API/v1.0/mgmt/tenants/$TENANT/tokens" -H "X-Auth-Token: $OPERATOR" \
  -H 'Content-Type: application/json' -d '{"token": {"name": "cli"}}' | python3 -c \
  'import json, sys; print(json.load(sys.stdin)["token"]["token"])') || abort "token not created"

part_catalog() {
  log "catalog, limits and quotas"
  expect "datastore list" "$(os datastore list)" mysql cassandra mongodb
  expect "datastore version list" "$(os datastore version list mysql -f value -c Name -c Version)" "10.11 10.11"
  expect "datastore version show" "$(os datastore version show 10.11 --datastore mysql -f value -c name)" "10.11"
  expect "flavor list" "$(os database flavor list)" shoal.small shoal.medium
  expect "limit list" "$(os database limit list)" max_instances max_volumes max_backups ABSOLUTE
  expect "quota show" "$(os database quota show "$TENANT" -f value)" "instances 0 0 20" "volumes 0 0 200" \
    "backups 0 0 50"
}

part_mysql() {
  log "configuration group and a MySQL instance"
  CONFIG=$(os database configuration create web '{"max_connections": 150}' --datastore mysql \
    --datastore-version 10.11 -f value -c id) || abort "configuration create: $CONFIG"
  expect "configuration create" "$CONFIG" "-"
  expect "configuration list" "$(os database configuration list)" web
  expect "configuration show" "$(os database configuration show web -f value -c values)" '"max_connections": 150'
  expect "configuration parameter list" "$(os database configuration parameter list 10.11 --datastore mysql)" \
    max_connections wait_timeout performance_schema
  expect "configuration parameter show" \
    "$(os database configuration parameter show 10.11 max_connections --datastore mysql -f value -c max)" 100000
  refuse "a value out of range is refused with Shoal's message" "values.max_connections: must be between 1 and 100000" \
    os database configuration parameter set "$CONFIG" '{"max_connections": 0}'
  refuse "a read-only parameter is refused" "values.log_bin: is read-only" \
    os database configuration set "$CONFIG" '{"log_bin": false}'

  CREATED=$(os database instance create products --flavor 1 --size 1 --datastore mysql \
    --datastore-version 10.11 -f value -c status) || abort "instance create: $CREATED"
  expect "instance create" "$CREATED" BUILD
  await "instance ACTIVE" 240 ACTIVE status_of products
  LIST=$(os database instance list -f value -c Name -c Status -c "Operating Status")
  expect "instance list" "$LIST" "products ACTIVE HEALTHY"
  IP=$(os database instance show products -f value -c ip)
  expect "instance show has its address" "$IP" "${FIRST_ADDRESS%.*}."

  PASSWORD=$(os database root enable products -f value -c password)
  [[ "$PASSWORD" =~ ^[A-Za-z0-9_-]{20,}$ ]] && pass "root enable returns a password" || fail "root enable: $PASSWORD"
  await "root can log in" 60 "151" mysql_variable "$IP" "$PASSWORD" max_connections

  expect "database log list" "$(os database log list products -f value -c Name -c Type -c Status)" \
    "error SYS Ready" "general USER Disabled" "slow_query USER Disabled"
  SWITCHED=$(os database log set products slow_query --enable -f value -c status)
  [[ "$SWITCHED" =~ ^(Enabled|Ready)$ ]] && pass "database log set --enable" || fail "log enable: $SWITCHED"
  expect "database log set --publish" "$(os database log set products error --publish -f value -c status)" \
    Published
  expect "database log show" "$(os database log show products error -f value -c container -c prefix)" \
    database_logs "/mysql-error/"
  refuse "a system log is not switched off" "is a SYS log" os database log set products error --disable

  os database configuration attach products web >/dev/null
  expect "configuration instances" "$(os database configuration instances web)" products
  await "the attached group is live in MariaDB" 60 150 mysql_variable "$IP" "$PASSWORD" max_connections
  os database configuration set "$CONFIG" '{"max_connections": 175}' >/dev/null
  await "a changed group reaches MariaDB" 60 175 mysql_variable "$IP" "$PASSWORD" max_connections
  expect "configuration default shows the running values" "$(os database configuration default products)" \
    max_connections 175

  os database instance update products --name products-main >/dev/null
  expect "instance update renames" "$(os database instance show products-main -f value -c name)" products-main
  RESTARTED=$SECONDS
  os database instance restart products-main >/dev/null
  await "restart ends ACTIVE" 120 ACTIVE status_of products-main
  UPTIME=$(mysql_value "$IP" "$PASSWORD" "SHOW GLOBAL STATUS LIKE 'Uptime'")
  if [[ "$UPTIME" =~ ^[0-9]+$ ]] && ((UPTIME <= SECONDS - RESTARTED + 1)); then
    pass "MariaDB was restarted (up ${UPTIME}s)"
  else
    fail "MariaDB was not restarted: up '${UPTIME}'s, restart asked $((SECONDS - RESTARTED))s ago"
  fi
  await "MariaDB came back with the group" 60 175 mysql_variable "$IP" "$PASSWORD" max_connections

  os database instance resize flavor products-main shoal.medium >/dev/null
  await "a flavor resize ends ACTIVE" 120 ACTIVE status_of products-main
  expect "instance show has the new flavor" "$(field_of products-main flavor)" 2
  expect "MariaDB runs the new flavor's buffer pool" \
    "$(mysql_value "$IP" "$PASSWORD" "SELECT 'pool', @@innodb_buffer_pool_size")" 268435456
  os database instance resize volume products-main 2 >/dev/null
  await "a volume resize ends ACTIVE" 120 ACTIVE status_of products-main
  expect "instance show has the new volume size" "$(field_of products-main volume)" 2
  refuse "a volume never shrinks" "must be larger than the current 2 GB" \
    os database instance resize volume products-main 1
}

part_access() {
  log "security groups: the instance's access and Trove's legacy rules"
  local id group rule chain
  id=$(os database instance show products-main -f value -c id)
  chain=$(node_chain "$(basename "$(dirname "$(grep -l "node.address=$IP\$" "$WORK"/home/nodes/*/guest.properties)")")")
  await "the client's create asked for a private instance" 30 "public=False cidrs=" access_of products-main
  os database instance update products-main --allowed-cidr 127.0.99.0/24 >/dev/null
  await "instance update --allowed-cidr" 30 "public=False cidrs=127.0.99.0/24" access_of products-main
  expect "instance show prints the access" "$(os database instance show products-main)" public allowed_cidrs \
    127.0.99.0/24
  expect "security group list (troveclient v1)" "$(trove_v1 'for g in c.security_groups.list():
    print(g.name, g.instance_id, [(r["protocol"], r["from_port"], r["cidr"]) for r in g.rules])')" \
    "SecGroup_$id $id [('tcp', 3306, '127.0.99.0/24')]"
  group=$(trove_v1 "print(c.security_groups.get('$id').id)")
  rule=$(trove_v1 "r = c.security_group_rules.create('$group', '127.0.98.0/24'); print(r['id'], r['cidr'])")
  expect "security group rule create (troveclient v1)" "$rule" "127.0.98.0/24"
  await "a legacy rule is the instance's access too" 30 "public=False cidrs=127.0.99.0/24,127.0.98.0/24" \
    access_of products-main
  expect "a rule with host bits is refused with Shoal's message" \
    "$(trove_v1 "c.security_group_rules.create('$group', '10.0.0.1/8')")" \
    "security_group_rule.cidr: '10.0.0.1/8' is not a network address" "the network is 10.0.0.0/8"
  trove_v1 "c.security_group_rules.delete('${rule%% *}')" >/dev/null
  await "security group rule delete (troveclient v1)" 30 "public=False cidrs=127.0.99.0/24" access_of products-main
  refuse "instance update --allowed-cidr with host bits is refused" \
    "instance.access.allowed_cidrs[0]: '10.0.0.1/8' is not a network address" \
    os database instance update products-main --allowed-cidr 10.0.0.1/8
  if [[ "$FIREWALL" == iptables ]]; then
    await "the group is enforced" 30 ENFORCED trove_v1 "print(c.security_groups.get('$id').enforcement['state'])"
    expect "its iptables chain guards the node's port" "$(iptables -w 10 -S INPUT)" "-d $IP/32" "-j $chain"
    expect "a client from 127.0.99.1 reaches MariaDB" "$(reaches 127.0.99.1 "$IP" 3306)" open
    expect "a client from 127.0.98.1 is refused" "$(reaches 127.0.98.1 "$IP" 3306)" refused
  else
    await "the group says its rules are not enforced" 30 NOT_ENFORCED \
      trove_v1 "print(c.security_groups.get('$id').enforcement['state'])"
  fi
  os database instance update products-main --is-private >/dev/null
  await "instance update --is-private" 30 "public=False cidrs=" access_of products-main
  if [[ "$FIREWALL" == iptables ]]; then
    await "private: a client from 127.0.99.1 is refused" 30 refused reaches 127.0.99.1 "$IP" 3306
    await "the host reaches MariaDB whatever the group says" 30 1 mysql_value "$IP" "$PASSWORD" "SELECT 1 FROM DUAL"
  fi
  os database instance update products-main --is-public >/dev/null
  await "instance update --is-public" 30 "public=True cidrs=0.0.0.0/0" access_of products-main
  [[ "$FIREWALL" == iptables ]] && await "public: everyone reaches MariaDB" 30 open reaches 127.0.99.1 "$IP" 3306
  MAIN_CHAIN=$chain
}

part_replica() {
  log "replicas: promoted, ejected, detached"
  REPLICA_ID=$(os database instance create products-ro --size 1 --replica-of products-main -f value -c id) \
    || abort "replica create: $REPLICA_ID"
  await "replica ACTIVE" 240 ACTIVE status_of products-ro
  expect "instance show lists the replica" "$(field_of products-main replicas)" "$REPLICA_ID"
  expect "instance list shows the roles" "$(os database instance list -f value -c Name -c Role)" \
    "products-main primary" "products-ro replica"
  expect "a replica runs its master's group" "$(config_instances web)" products-ro
  refuse "eject is refused while the master is healthy" "is ACTIVE and its heartbeats are fresh" \
    os database instance eject products-ro
  os database instance promote products-ro >/dev/null
  await "promoted replica ACTIVE" 180 ACTIVE status_of products-ro
  await "the former master follows the new one" 60 "$REPLICA_ID" field_of products-main replica_of
  await "the former master ACTIVE" 120 ACTIVE status_of products-main

  # the operator ejects by hand here, so the set's own failover goes off first (the client has no flag for it)
  curl -sf -X PATCH "$API/v1.0/$TENANT/instances/$REPLICA_ID" -H "X-Auth-Token: $TOKEN" \
    -H 'Content-Type: application/json' -d '{"instance": {"auto_failover": false}}' >/dev/null \
    || abort "auto_failover could not be turned off"
  # the new master's host is lost: its guest and mariadbd go, and the driver does not start the guest again
  local dead
  dead=$(grep -l "node.address=$(field_of products-ro ip)\$" "$WORK"/home/nodes/*/guest.properties | xargs dirname)
  [[ -d "$dead" ]] || abort "no node directory for products-ro"
  touch "$dead/host-lost"
  pkill -9 -f "$dead"
  await "a dead master shows SHUTDOWN" 120 SHUTDOWN status_of products-ro
  os database instance eject products-main >/dev/null
  await "the ejecting replica takes over" 120 ACTIVE status_of products-main
  expect "the new master follows nobody" "[$(field_of products-main replica_of)]" "[]"
  await "MariaDB takes writes on the new master" 30 1 mysql_value "$IP" "$PASSWORD" "SELECT 1 FROM DUAL"
  expect "the new master is writable" "$(mysql_value "$IP" "$PASSWORD" "SHOW VARIABLES LIKE 'read_only'")" OFF

  SECOND=$(os database instance create products-ro2 --size 1 --replica-of products-main -f value -c id) \
    || abort "replica create: $SECOND"
  await "a new replica of the new master ACTIVE" 240 ACTIVE status_of products-ro2
  os database instance detach products-ro2 >/dev/null
  await "detached replica ACTIVE" 120 ACTIVE status_of products-ro2
  expect "a detached replica follows nobody" "[$(field_of products-ro2 replica_of)]" "[]"
  absent "its master lists it no more" "$(field_of products-main replicas)" "$SECOND"
  os database configuration detach products-main >/dev/null
  os database configuration detach products-ro2 >/dev/null
  # the dead node keeps its group until it is deleted
  await "configuration detached" 30 "products-ro" config_instances web
}

part_backup() {
  log "a backup: written, listed, restored into a new instance, deleted"
  local clerk=Clerk-Pa55word location copy_ip
  os database db create products-main sales >/dev/null
  await "database created" 60 "CREATE_DATABASES COMPLETED" task_of products-main
  os database user create products-main clerk "$clerk" --databases sales >/dev/null
  await "user created" 60 "CREATE_USERS COMPLETED" task_of products-main
  login_value "$IP" clerk "$clerk" "CREATE TABLE sales.orders (id INT PRIMARY KEY); INSERT INTO sales.orders VALUES (1), (2), (3)"
  expect "rows written through the tenant's account" \
    "$(login_value "$IP" clerk "$clerk" "SELECT GROUP_CONCAT(id ORDER BY id) FROM sales.orders")" "1,2,3"

  CREATED=$(os database backup create nightly --instance products-main --description "three orders" \
    -f value -c status) || abort "backup create: $CREATED"
  expect "backup create" "$CREATED" NEW
  await "backup COMPLETED" 120 COMPLETED backup_status nightly
  await "the instance serves on" 30 ACTIVE status_of products-main
  expect "backup list" "$(os database backup list -f value -c Name -c Status)" "nightly COMPLETED"
  expect "backup list instance" "$(os database backup list instance products-main -f value -c Name)" nightly
  expect "backup show" "$(os database backup show nightly -f value -c datastore -c datastore_version \
    -c description)" mysql 10.11 "three orders"
  location=$(os database backup show nightly -f value -c locationRef)
  [[ -f "$location" && "$location" == "$WORK/home/nodes/.backups/"* ]] && pass "the backup is in the backup store" \
    || fail "no backup file in the backup store: '$location'"
  expect "the file is the one written" "$(sha256sum "$location" 2>&1 | cut -d' ' -f1)" \
    "$(os database backup show nightly -f value -c checksum)"
  refuse "an incremental backup is refused with Shoal's message" "incremental backups are not offered" \
    os database backup create later --instance products-main --incremental
  login_value "$IP" clerk "$clerk" "INSERT INTO sales.orders VALUES (4)"

  CREATED=$(os database instance create products-copy --flavor 1 --size 1 --datastore mysql \
    --datastore-version 10.11 --backup nightly -f value -c status) || abort "instance create --backup: $CREATED"
  expect "instance create --backup" "$CREATED" BUILD
  await "restored instance ACTIVE" 240 ACTIVE status_of products-copy
  copy_ip=$(os database instance show products-copy -f value -c ip)
  expect "the restored instance holds the rows of the backup" \
    "$(login_value "$copy_ip" clerk "$clerk" "SELECT GROUP_CONCAT(id ORDER BY id) FROM sales.orders")" "1,2,3"
  expect "the restored instance lists the backup's database" "$(os database db list products-copy -f value)" sales
  expect "and its user" "$(os database user list products-copy -f value -c Name)" clerk

  os database backup delete nightly >/dev/null
  await "backup deleted" 60 gone gone backup nightly
  [[ -e "$location" ]] && fail "the backup file is still in the store: $location" || pass "the backup file is gone"
  os database instance delete products-copy >/dev/null
  await "restored instance deleted" 240 gone gone instance products-copy
  expect "quota show: no backup held" "$(os database quota show "$TENANT" -f value)" "backups 0 0 50"
}

part_cassandra() {
  log "a Cassandra cluster"
  RING=$(os database configuration create ring '{"compaction_throughput": 32}' --datastore cassandra \
    --datastore-version 5.0 -f value -c id) || abort "configuration create: $RING"
  CREATED=$(os database cluster create events cassandra 5.0 --instance flavor=2,volume=1 \
    --instance flavor=2,volume=1 --instance flavor=2,volume=1 --configuration ring -f value -c name) \
    || abort "cluster create: $CREATED"
  expect "cluster create" "$CREATED" events
  await "cluster ACTIVE" 420 ACTIVE cluster_status events
  NODE=$(os database cluster list instances events -f value -c ID | head -n 1)
  await "every node starts with the cluster's group" 60 32 running_value "$NODE" compaction_throughput
  OWN=$(field_of "$NODE" configuration)
  expect "a node's own group holds its cluster's settings" "$(os database configuration show "$OWN" -f value \
    -c values)" '"cluster_name": "shoal-' '"compaction_throughput": 32'
  refuse "a node's own group cannot be deleted" "own group and cannot be deleted" \
    os database configuration delete "$OWN"
  os database configuration set "$RING" '{"compaction_throughput": 48}' >/dev/null
  await "a changed group is live on every node" 90 48 running_value "$NODE" compaction_throughput
  expect "cluster list" "$(os database cluster list -f value -c Name -c "Task Name")" "events NONE"
  INSTANCES=$(os database cluster list instances events -f value -c Name -c Status)
  expect "cluster list instances" "$INSTANCES" "events-1 ACTIVE" "events-2 ACTIVE" "events-3 ACTIVE"
  expect "cluster show" "$(os database cluster show events -f value -c instance_count)" 3
  expect "a cluster's node shows as an instance" "$(os database instance show "$NODE" -f value -c cluster_id)" "-"
  expect "instance list --include-clustered" "$(os database instance list --include-clustered -f value -c Name)" \
    events-1 events-2 events-3 products-main
  refuse "a cluster's node refuses what its capability keeps from clusters" \
    "capability configuration-attach is not enabled for clusters" os database configuration attach "$NODE" web
  refuse "a cluster's node is not backed up" "capability backup-create is not enabled for clusters" \
    os database backup create ring-node --instance "$NODE"
  refuse "a cluster's node refuses access changes by capability" \
    "capability secgroup-create is not enabled for clusters" os database instance update "$NODE" --is-private

  os database cluster grow events --instance flavor=2,volume=1 >/dev/null
  await "grown cluster ACTIVE" 300 ACTIVE cluster_status events
  expect "the new node runs" "$(os database cluster list instances events -f value -c Name -c Status)" "events-4 ACTIVE"
  NEW_NODE=$(os database cluster list instances events -f value -c ID -c Name | awk '$2 == "events-4" {print $1}')
  os database cluster shrink events "$NEW_NODE" >/dev/null
  await "shrunk cluster ACTIVE" 300 ACTIVE cluster_status events
  expect "shrink removed the node" "$(os database cluster show events -f value -c instance_count)" 3
  os database cluster reset status events >/dev/null
  expect "reset status leaves a healthy cluster ACTIVE" "$(cluster_status events)" ACTIVE
  HELD=$(os database instance list --include-clustered -f value -c ID | wc -l)
  expect "quota show counts every node" "$(os database quota show "$TENANT" -f value)" "instances $HELD 0 20"
}

# pg_value ADDRESS PASSWORD SQL: what root reads from a PostgreSQL node (the machine's psql, any version)
pg_value() {
  PGPASSWORD=$2 PGCONNECT_TIMEOUT=3 psql -h "$1" -U root -d postgres -At -c "$3" 2>/dev/null
}

part_postgresql() {
  log "a PostgreSQL instance and its replica"
  expect "datastore list has PostgreSQL" "$(os datastore list)" postgresql
  CREATED=$(os database instance create ledger --flavor 1 --size 1 --datastore postgresql \
    --datastore-version 18 -f value -c status) || abort "postgresql instance create: $CREATED"
  expect "postgresql instance create" "$CREATED" BUILD
  await "postgresql instance ACTIVE" 240 ACTIVE status_of ledger
  expect "postgresql instance list" "$(os database instance list -f value -c Name -c Status)" "ledger ACTIVE"
  expect "postgresql instance show" "$(os database instance show ledger -f value -c datastore -c datastore_version)" \
    postgresql 18
  local ip password replica
  ip=$(os database instance show ledger -f value -c ip)
  password=$(os database root enable ledger -f value -c password)
  if command -v psql >/dev/null; then
    await "root is a superuser on PostgreSQL" 60 t pg_value "$ip" "$password" \
      "select rolsuper from pg_roles where rolname = current_user"
    pg_value "$ip" "$password" "create table ledger_rows (id int primary key); insert into ledger_rows values (7)" \
      >/dev/null
  fi
  replica=$(os database instance create ledger-ro --size 1 --replica-of ledger -f value -c id) \
    || abort "postgresql replica create: $replica"
  await "postgresql replica ACTIVE" 240 ACTIVE status_of ledger-ro
  expect "the master lists its replica" "$(field_of ledger replicas)" "$replica"
  if command -v psql >/dev/null; then
    await "the replica holds the master's rows" 60 7 pg_value "$(os database instance show ledger-ro -f value -c ip)" \
      "$password" "select id from ledger_rows"
  fi
  os database instance delete ledger-ro >/dev/null
  await "postgresql replica deleted" 240 gone gone instance ledger-ro
  os database instance delete ledger >/dev/null
  await "postgresql instance deleted" 240 gone gone instance ledger
}

part_teardown() {
  log "deleting everything"
  os database cluster delete events >/dev/null
  os database instance delete products-ro >/dev/null
  os database instance delete products-ro2 >/dev/null
  os database instance delete products-main >/dev/null
  await "cluster deleted" 240 gone gone cluster events
  await "instances deleted" 240 gone gone instance products-ro
  await "instances deleted" 240 gone gone instance products-ro2
  await "instances deleted" 240 gone gone instance products-main
  os database configuration delete web >/dev/null
  os database configuration delete ring >/dev/null
  absent "configuration deleted" "$(os database configuration list -f value -c Name)" web
  absent "configuration deleted" "$(os database configuration list -f value -c Name)" ring
  absent "nodes' own groups went with their nodes" "$(os database configuration list -f value -c Name)" events-
  expect "nothing is held any more" "$(os database quota show "$TENANT" -f value)" "instances 0 0 20" \
    "volumes 0 0 200" "backups 0 0 50"
  absent "no backup is left" "$(os database backup list -f value -c Name)" nightly
  if pgrep -f "$WORK/home/nodes" >/dev/null; then
    fail "node processes are still running after every delete"
  else
    pass "no node process is left"
  fi
  if [[ "$FIREWALL" == iptables && -n "${MAIN_CHAIN:-}" ]]; then
    absent "the deleted instance's iptables chain went with it" "$(iptables -w 10 -S)" "$MAIN_CHAIN"
  fi
}

# SHOAL_SCENARIO_PARTS runs some parts only, in order (each expects what the parts before it left)
for part in ${SHOAL_SCENARIO_PARTS:-catalog mysql access replica backup cassandra postgresql teardown}; do
  "part_$part"
done
finish
