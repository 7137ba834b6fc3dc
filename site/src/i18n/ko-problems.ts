// 한국어 검증 메시지: the Korean text of validation problems (see problem-text.ts for how it is
// applied). Apart from ko.ts because /ko/planner needs none of it for the first paint:
// PlannerKo.tsx loads it (ko-problem-text.ts) once the page is idle or a problem is shown.
import type { ProblemData } from './en.ts';

export const koProblemData: ProblemData = {
  problems: {
    required: '필수 항목입니다',
    'account.missing': '값이 비어 있습니다. {format}을(를) 입력하세요. {where}에서 확인할 수 있습니다',
    'account.format': '{format}이어야 합니다. {where}에서 확인할 수 있습니다',
    'account.placeholder': '문서나 예제에 나오는 자리표시자 값이며, 사용자의 계정이 아닙니다. {format}을(를) 입력하세요. {where}에서 확인할 수 있습니다',
    'cidr.invalid': '"{value}"은(는) 호스트 비트가 없는 IPv4 CIDR 형식이 아닙니다. 예: "{example}"',
    'cidr.prefix': '프리픽스 /{prefix}는 허용 범위를 벗어납니다. 모든 가용 영역에 노드와 파드용 공간이 생기도록 /{from}~/{to}를 사용하세요 (예: "10.40.0.0/16")',
    'zones.tooMany': '{region}의 가용 영역은 {count}개입니다. 최대 {count}개까지 사용하세요',
    'version.unknown': '{cloud}에서는 다음 중 하나여야 합니다: {versions}',
    'instanceType.unknown': '"{value}"은(는) 카탈로그에 있는 {cloud} 인스턴스 타입이 아닙니다. 다음 중에서 고르세요: {offer}',
    'pool.duplicateName': '"{value}"은(는) 다른 노드 풀이 이미 쓰고 있습니다. 노드 풀 이름은 서로 달라야 합니다',
    'pool.maxBelowMin': '최대 노드 수({max})는 최소 노드 수({min}) 이상이어야 합니다',
    dependency: '{component}에는 {dependency}이(가) 필요합니다. `components.{key}.enabled`를 `true`로 설정하세요 (또는 {component}을(를) 끄세요)',
    capacity:
      '{profile} 프로필에서 컴포넌트는 {needCpu} vCPU / {needMemory} GiB가 필요하지만, 노드 풀은 최소 크기에서 {haveCpu} vCPU / {haveMemory} GiB를 제공합니다. 최소 노드 수를 늘리거나, 더 큰 인스턴스 타입을 고르거나, 컴포넌트를 끄세요',
  },
  problemTexts: {
    'must be 2-32 lowercase letters, digits or "-", starting with a letter (e.g. "acme-prod")': '영문 소문자로 시작하는 2~32자의 소문자, 숫자, "-"여야 합니다 (예: "acme-prod")',
    'must be 1-10 lowercase letters or digits, starting with a letter (e.g. "prod")': '영문 소문자로 시작하는 1~10자의 소문자 또는 숫자여야 합니다 (예: "prod")',
    'must be 1-11 lowercase letters or digits, starting with a letter (e.g. "system")': '영문 소문자로 시작하는 1~11자의 소문자 또는 숫자여야 합니다 (예: "system")',
    'must be a lowercase fully qualified domain name such as "platform.acme.example"': '"platform.acme.example" 같은 소문자 FQDN이어야 합니다',
    'must be a GitHub user or organization name': 'GitHub 사용자 또는 조직 이름이어야 합니다',
    'must be a GitHub repository name (letters, digits, ".", "-", "_")': 'GitHub 저장소 이름(영문자, 숫자, ".", "-", "_")이어야 합니다',
    // schemas/plan.ts githubMessage (tests/unit/placeholders.test.ts checks each has its text here).
    'is missing: enter the GitHub user or organization that owns the repository for the generated code (OWNER in github.com/OWNER/REPO); find it in the repository\'s address on GitHub (create an empty repository first), or `gh repo view --json nameWithOwner --jq .nameWithOwner` in a clone of it':
      '값이 비어 있습니다. 생성된 코드를 둘 저장소를 소유한 GitHub 사용자 또는 조직(`github.com/OWNER/REPO`의 `OWNER`)을(를) 입력하세요. GitHub의 저장소 주소(먼저 빈 저장소를 만드세요) 또는 저장소를 클론한 곳에서 `gh repo view --json nameWithOwner --jq .nameWithOwner` 명령으로 확인할 수 있습니다',
    'is a placeholder from documentation or an example, not your repository: the cloud roles trust the workflows of the repository github.owner/github.repo names, so enter the GitHub user or organization that owns the repository for the generated code (OWNER in github.com/OWNER/REPO); find it in the repository\'s address on GitHub (create an empty repository first), or `gh repo view --json nameWithOwner --jq .nameWithOwner` in a clone of it':
      '문서나 예제에 나오는 자리표시자 값이며, 사용자의 저장소가 아닙니다. 클라우드 역할은 github.owner/github.repo가 가리키는 저장소의 워크플로를 신뢰하므로 생성된 코드를 둘 저장소를 소유한 GitHub 사용자 또는 조직(`github.com/OWNER/REPO`의 `OWNER`)을(를) 입력하세요. GitHub의 저장소 주소(먼저 빈 저장소를 만드세요) 또는 저장소를 클론한 곳에서 `gh repo view --json nameWithOwner --jq .nameWithOwner` 명령으로 확인할 수 있습니다',
    'is missing: enter the name of the GitHub repository for the generated code (REPO in github.com/OWNER/REPO); find it in the repository\'s address on GitHub (create an empty repository first), or `gh repo view --json nameWithOwner --jq .nameWithOwner` in a clone of it':
      '값이 비어 있습니다. 생성된 코드를 둘 GitHub 저장소의 이름(`github.com/OWNER/REPO`의 `REPO`)을(를) 입력하세요. GitHub의 저장소 주소(먼저 빈 저장소를 만드세요) 또는 저장소를 클론한 곳에서 `gh repo view --json nameWithOwner --jq .nameWithOwner` 명령으로 확인할 수 있습니다',
    'is a placeholder from documentation or an example, not your repository: the cloud roles trust the workflows of the repository github.owner/github.repo names, so enter the name of the GitHub repository for the generated code (REPO in github.com/OWNER/REPO); find it in the repository\'s address on GitHub (create an empty repository first), or `gh repo view --json nameWithOwner --jq .nameWithOwner` in a clone of it':
      '문서나 예제에 나오는 자리표시자 값이며, 사용자의 저장소가 아닙니다. 클라우드 역할은 github.owner/github.repo가 가리키는 저장소의 워크플로를 신뢰하므로 생성된 코드를 둘 GitHub 저장소의 이름(`github.com/OWNER/REPO`의 `REPO`)을(를) 입력하세요. GitHub의 저장소 주소(먼저 빈 저장소를 만드세요) 또는 저장소를 클론한 곳에서 `gh repo view --json nameWithOwner --jq .nameWithOwner` 명령으로 확인할 수 있습니다',
    'together with github.repo names the repository of an Opsta example, not yours: the cloud roles trust the workflows of the repository github.owner/github.repo names, so enter the GitHub user or organization that owns the repository for the generated code (OWNER in github.com/OWNER/REPO); find it in the repository\'s address on GitHub (create an empty repository first), or `gh repo view --json nameWithOwner --jq .nameWithOwner` in a clone of it':
      'github.repo와 함께 Opsta 예제의 저장소를 가리키며, 사용자의 저장소가 아닙니다. 클라우드 역할은 github.owner/github.repo가 가리키는 저장소의 워크플로를 신뢰하므로 생성된 코드를 둘 저장소를 소유한 GitHub 사용자 또는 조직(`github.com/OWNER/REPO`의 `OWNER`)을(를) 입력하세요. GitHub의 저장소 주소(먼저 빈 저장소를 만드세요) 또는 저장소를 클론한 곳에서 `gh repo view --json nameWithOwner --jq .nameWithOwner` 명령으로 확인할 수 있습니다',
    'must be a branch name such as "main"': '"main" 같은 브랜치 이름이어야 합니다',
    'must be a GitHub environment name (letters, digits, "-", "_")': 'GitHub 환경 이름(영문자, 숫자, "-", "_")이어야 합니다',
    'must be a GitHub username': 'GitHub 사용자 이름이어야 합니다',
    'GitHub environments allow at most 6 required reviewers': 'GitHub 환경의 필수 리뷰어는 최대 6명입니다',
    'must be a lowercase realm name (letters, digits, "-"), e.g. "acme"': '소문자 렐름(realm) 이름(영문자, 숫자, "-")이어야 합니다. 예: "acme"',
    'must be a private (RFC 1918) range inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16': '10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 안의 사설(RFC 1918) 대역이어야 합니다',
    "is required for Let's Encrypt (expiry notices go there); set an address or use issuer: selfsigned":
      "Let's Encrypt를 쓰려면 필수입니다(만료 알림이 이 주소로 갑니다). 주소를 입력하거나 `issuer: selfsigned`로 바꾸세요",
    'must be a valid email address for ACME registration, e.g. "ops@acme.example"': 'ACME 등록에 쓸 올바른 이메일 주소여야 합니다. 예: "ops@acme.example"',
    'must not contain control characters or line breaks': '제어 문자나 줄바꿈을 넣을 수 없습니다',
    'must be "Plan"': '"Plan"이어야 합니다',
    'must be at least 7 days (one weekly base backup must survive)': '7일 이상이어야 합니다 (주간 기본 백업이 하나는 남아 있어야 합니다)',
    'must be "public" (an internet endpoint restricted to allowedCidrs) or "private" (reachable only inside the network)':
      '"public"(allowedCidrs로 제한된 인터넷 엔드포인트) 또는 "private"(네트워크 안에서만 접근 가능)이어야 합니다',
    'needs at least one network; leave allowedCidrs out of a private plan to allow the platform network only':
      '네트워크가 하나 이상 필요합니다. 플랫폼 네트워크만 허용하려면 private 플랜에서 `allowedCidrs`를 빼세요',
    'takes at most 20 networks': '네트워크는 최대 20개까지 지정할 수 있습니다',
    'must be a GitHub Actions runner label (letters, digits, ".", "_", "-"), e.g. "opsta-vpc"': 'GitHub Actions 러너 레이블(영문자, 숫자, ".", "_", "-")이어야 합니다. 예: "opsta-vpc"',
    'is required with mode "public": list the networks that may reach the Kubernetes API (your runners\' and administrators\' egress), or write ["0.0.0.0/0"] to accept an API open to the internet':
      '`mode: public`이면 필수입니다. Kubernetes API에 접근할 수 있는 네트워크(러너와 관리자의 송신 주소)를 나열하거나, 인터넷에 열린 API를 받아들이려면 ["0.0.0.0/0"]을 쓰세요',
    'is required with mode "private": GitHub-hosted runners cannot reach a private API; name the label of self-hosted runners inside the network (see the generated README)':
      '`mode: private`이면 필수입니다. GitHub 호스팅 러너는 private API에 접근할 수 없으니, 네트워크 안에 있는 자체 호스팅 러너의 레이블을 지정하세요 (생성된 README 참고)',
    'RKE2 keeps its API on the internal load balancer: nodes register through the same load balancer and its allow-list, so a public one would route them through the NAT gateways; use "private" with a runner in the network':
      'RKE2는 API를 내부 로드 밸런서에 둡니다. 노드도 같은 로드 밸런서와 허용 목록을 거쳐 등록하므로, public으로 하면 노드 트래픽이 NAT 게이트웨이를 거치게 됩니다. 네트워크 안의 러너와 함께 "private"을 사용하세요',
    'does not apply to a private AKS cluster: its API is reachable from the virtual network and networks peered with it (restrict those with NSGs); leave allowedCidrs out':
      'private AKS 클러스터에는 적용되지 않습니다. API는 가상 네트워크와 피어링된 네트워크에서 접근할 수 있으니(NSG로 제한하세요) `allowedCidrs`를 빼세요',
    'Let\'s Encrypt certificates are issued through Route 53 DNS-01, which needs a pod identity RKE2 on AWS does not have here (only the agent node role every pod shares): use issuer "selfsigned", or distribution "managed"':
      'Let\'s Encrypt 인증서는 Route 53 DNS-01로 발급되는데, 여기에는 파드 아이덴티티가 필요하지만 AWS의 RKE2에는 없습니다(모든 파드가 함께 쓰는 에이전트 노드 역할뿐). `issuer: selfsigned`로 하거나 `distribution: managed`로 하세요',
    'is required when subjectFormat is "immutable" (the OIDC subject names the numeric owner and repository IDs)':
      '`subjectFormat: immutable`이면 필수입니다 (OIDC subject가 숫자로 된 소유자 ID와 저장소 ID를 씁니다)',
    "backs up Keycloak's database, and Keycloak is off: set components.keycloak.enabled to true, or remove backups.enabled":
      'Keycloak 데이터베이스를 백업하는 설정인데 Keycloak이 꺼져 있습니다. `components.keycloak.enabled`를 `true`로 설정하거나 `backups.enabled`를 빼세요',
    'needs a workload identity for the backup bucket, and RKE2 has none here (only the shared node role): use distribution "managed", or set backups.enabled to false':
      '백업 버킷에 접근할 워크로드 아이덴티티가 필요하지만, 여기서 RKE2에는 없습니다(공유 노드 역할뿐). `distribution: managed`로 하거나 `backups.enabled`를 `false`로 설정하세요',
    'does not match any allowed form': '허용되는 형식 중 어느 것과도 맞지 않습니다',
    'the plan must be a YAML mapping starting with "apiVersion: opsta.dev/v1"': '플랜은 "apiVersion: opsta.dev/v1"로 시작하는 YAML 매핑이어야 합니다',
    // Blueprint text (blueprints/clouds/*/cloud.json unsupportedDistributions), shown as the validation message.
    'RKE2 is not offered on Google Cloud: there is no maintained RKE2 Terraform module for GCP, so Opsta would have to own its server bootstrap, upgrades and etcd backups. Use distribution: managed (a regional GKE cluster), which gets control-plane upgrades, repairs and Workload Identity from Google.':
      'Google Cloud에서는 RKE2를 제공하지 않습니다. GCP용으로 유지 관리되는 RKE2 Terraform 모듈이 없어, Opsta가 서버 부트스트랩, 업그레이드, etcd 백업을 직접 떠맡아야 하기 때문입니다. distribution: managed(리전 GKE 클러스터)를 사용하세요. 컨트롤 플레인 업그레이드, 복구, Workload Identity를 Google이 제공합니다.',
    'RKE2 is not offered on Azure: there is no maintained RKE2 module for Azure (rancherfederal/rke2-azure-tf has no releases and has not been updated since 2021, with RKE2 1.19 and Ubuntu 18.04 defaults); use distribution: managed (AKS)':
      'Azure에서는 RKE2를 제공하지 않습니다. Azure용으로 유지 관리되는 RKE2 모듈이 없습니다(rancherfederal/rke2-azure-tf는 릴리스가 없고 2021년 이후 갱신되지 않았으며 기본값이 RKE2 1.19와 Ubuntu 18.04입니다). distribution: managed(AKS)를 사용하세요',
    // zod's own messages (the form's resolver, and checks with no message of their own).
    'Invalid input': '올바르지 않은 입력입니다',
    'Invalid email address': '올바른 이메일 주소가 아닙니다',
  },
  problemPatterns: {
    '"{value}" is not a private range: a private API is reached only from inside the network (your runners\' subnets), so list RFC 1918 ranges':
      '"{value}"은(는) 사설 대역이 아닙니다. private API는 네트워크 안(러너의 서브넷)에서만 접근할 수 있으므로 RFC 1918 대역을 나열하세요',
    '{component} needs {need}, and RKE2 on AWS has no pod identity here (only the agent node role every pod shares): use distribution "managed", or turn {component} off':
      '{component}에는 {need}이(가) 필요하지만, 여기서 AWS의 RKE2에는 파드 아이덴티티가 없습니다(모든 파드가 함께 쓰는 에이전트 노드 역할뿐). `distribution: managed`로 하거나 {component}을(를) 끄세요',
    'is required when subjectFormat is "immutable" (the OIDC subject names the numeric owner and repository IDs); gh api repos/{owner}/{repo} --jq \'.owner.id, .id\' prints them':
      "`subjectFormat: immutable`이면 필수입니다 (OIDC subject가 숫자로 된 소유자 ID와 저장소 ID를 씁니다). `gh api repos/{owner}/{repo} --jq '.owner.id, .id'` 명령으로 확인할 수 있습니다",
    'cannot be {issuer} with Keycloak on: every SSO client (Grafana, Argo CD, Harbor, Vault, and stage 40) verifies the Keycloak certificate against public roots, which a self-signed certificate fails; use issuer: letsencrypt, or turn Keycloak off':
      'Keycloak을 켠 상태에서는 인증서 발급자를 `{issuer}`(으)로 할 수 없습니다. 모든 SSO 클라이언트(Grafana, Argo CD, Harbor, Vault, 스테이지 40)가 Keycloak 인증서를 공개 루트 인증서로 검증하는데, 자체 서명 인증서는 이 검증을 통과하지 못합니다. `issuer: letsencrypt`로 하거나 Keycloak을 끄세요',
    "cannot be {issuer} with Keycloak on: every SSO client (Grafana, Argo CD, Harbor, Vault, and stage 40) verifies the Keycloak certificate against public roots, which a Let's Encrypt staging certificate fails; use issuer: letsencrypt, or turn Keycloak off":
      "Keycloak을 켠 상태에서는 인증서 발급자를 `{issuer}`(으)로 할 수 없습니다. 모든 SSO 클라이언트(Grafana, Argo CD, Harbor, Vault, 스테이지 40)가 Keycloak 인증서를 공개 루트 인증서로 검증하는데, Let's Encrypt 스테이징 인증서는 이 검증을 통과하지 못합니다. `issuer: letsencrypt`로 하거나 Keycloak을 끄세요",
    // A long value quoted with "(N more characters)", which the cidr.invalid code does not take.
    '{value} is not an IPv4 network in CIDR form with no host bits set, e.g. "{example}"': '{value}은(는) 호스트 비트가 없는 IPv4 CIDR 형식이 아닙니다. 예: "{example}"',
    '{value} is not offered on {cloud}; use "managed"': '{value}은(는) {cloud}에서 제공되지 않습니다. "managed"를 사용하세요',
    'must be one of the {cloud} regions in the catalog: {regions}': '카탈로그에 있는 {cloud} 리전 중 하나여야 합니다: {regions}',
    'must be "{value}"': '"{value}"이어야 합니다',
    // schemas/validate.ts: unknown keys, YAML-typed values, the plan's own shape, the problem cap.
    'unknown key {key} (did you mean "{hint}"?)': '알 수 없는 키 {key} ("{hint}"을(를) 의도하셨나요?)',
    'unknown keys {keys} (allowed: {allowed})': '알 수 없는 키 {keys} (허용되는 키: {allowed})',
    'unknown key {key} (allowed: {allowed})': '알 수 없는 키 {key} (허용되는 키: {allowed})',
    'is not a number: {raw} is YAML for {what}; write a number such as 100': '숫자가 아닙니다. {raw}은(는) YAML에서 {what}을(를) 뜻합니다. 100 같은 숫자를 쓰세요',
    'must be a string: write it in quotes, "{raw}" (unquoted, YAML reads {raw2} as the number {value})':
      '문자열이어야 합니다. "{raw}"처럼 따옴표로 감싸세요 (따옴표가 없으면 YAML은 {raw2}을(를) 숫자 {value}(으)로 읽습니다)',
    'must be a string, got number {value}; write it in quotes, "{raw}"': '문자열이어야 하는데 숫자 {value}입니다. "{raw}"처럼 따옴표로 감싸세요',
    'must be one of: {clouds}, got {got}': '다음 중 하나여야 하는데 {got}입니다: {clouds}',
    'must be {want}, got {got}': '{want}이어야 하는데 {got}입니다',
    '{value} is not a cloud Opsta can plan; use one of: {clouds}': '{value}은(는) Opsta가 다루는 클라우드가 아닙니다. 다음 중 하나를 사용하세요: {clouds}',
    'and {count} more problems not shown; fix the ones above and validate again': '표시하지 않은 문제가 {count}개 더 있습니다. 위의 문제를 고친 뒤 다시 검증하세요',
    'and {count} more problem not shown; fix the ones above and validate again': '표시하지 않은 문제가 {count}개 더 있습니다. 위의 문제를 고친 뒤 다시 검증하세요',
    // schemas/plan-yaml.ts: the parser's own reason (js-yaml) stays as it wrote it.
    'not valid YAML at line {line}, column {column}: a NUL byte is not allowed in a plan (is this a binary file?)':
      '{line}행 {column}열: 올바른 YAML이 아닙니다. 플랜에는 NUL 바이트를 넣을 수 없습니다 (바이너리 파일인가요?)',
    'not valid YAML at line {line}, column {column}: {reason}': '{line}행 {column}열: 올바른 YAML이 아닙니다 (파서 메시지: `{reason}`)',
    'not valid YAML: {reason}': '올바른 YAML이 아닙니다 (파서 메시지: `{reason}`)',
    // Values quoted into messages (describe, quote).
    'the text {value}': '텍스트 {value}',
    '{value} ({count} more characters)': '{value}(외 {count}자)',
    'number {value}': '숫자 {value}',
    'boolean {value}': '불리언 {value}',
    'a {type}': '{type}',
    // zod's own messages (the form's resolver; checks without a message of their own), ">=" before ">".
    'Too small: expected string to have >={min} characters': '{min}자 이상이어야 합니다',
    'Too big: expected string to have <={max} characters': '{max}자 이하여야 합니다',
    'Too small: expected array to have >={min} items': '항목이 {min}개 이상이어야 합니다',
    'Too big: expected array to have <={max} items': '항목은 최대 {max}개입니다',
    'Too small: expected {origin} to be >={min}': '{min} 이상이어야 합니다',
    'Too small: expected {origin} to be >{min}': '{min}보다 커야 합니다',
    'Too big: expected {origin} to be <={max}': '{max} 이하여야 합니다',
    'Too big: expected {origin} to be <{max}': '{max}보다 작아야 합니다',
    'Invalid discriminator value. Expected {values}': '다음 중 하나여야 합니다: {values}',
    'Invalid option: expected one of {values}': '다음 중 하나여야 합니다: {values}',
    'Invalid input: expected {expected}, received {received}': '{expected}이어야 하는데 {received}입니다',
    'Invalid input: expected {value}': '{value}이어야 합니다',
    'Invalid string: must match pattern {pattern}': '형식이 맞지 않습니다: {pattern}',
    'Unrecognized key: {keys}': '알 수 없는 키: {keys}',
    'Unrecognized keys: {keys}': '알 수 없는 키: {keys}',
  },
  problemWords: {
    // What a component needs a pod identity for (schemas/plan.ts NEEDS_POD_IDENTITY).
    'Route 53 write access for its records': '레코드를 쓸 Route 53 쓰기 권한',
    'KMS decrypt on the auto-unseal key': '자동 언실 키에 대한 KMS 복호화 권한',
    'read/write on the registry bucket': '레지스트리 버킷 읽기/쓰기 권한',
    // Types (schemas/validate.ts TYPE_NAMES and describe; zod's type names).
    mapping: '매핑',
    'a mapping': '매핑',
    list: '목록',
    'a list': '목록',
    'a whole number': '정수',
    int: '정수',
    string: '문자열',
    number: '숫자',
    boolean: '불리언',
    object: '매핑',
    array: '목록',
    undefined: '빈 값',
    null: 'null',
    'not-a-number': '숫자가 아님(NaN)',
    infinity: '무한대',
  },
};
