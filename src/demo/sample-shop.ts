/**
 * The embedded sample for `archdrift demo`: a small Python shop service laid out the way the seed
 * article recommends (domains users, orders and payments; layers api, services, models), and a pull
 * request that adds a cycle, a layer violation and a new coupling between domains.
 */
export const sampleConfig = `# Policy of the sample shop: read from the base branch.
layers: [api, services, models]
domains:
  users: { path: src/shop/users }
  orders: { path: src/shop/orders }
  payments:
    path: src/shop/payments
    interface: [src/shop/payments/__init__.py, src/shop/payments/services.py]
`;

const domain = (name: string, extra: Record<string, string> = {}): Record<string, string> => ({
  [`src/shop/${name}/__init__.py`]: `"""The ${name} domain."""\n`,
  [`src/shop/${name}/api/__init__.py`]: "",
  [`src/shop/${name}/api/routes.py`]: `from shop.${name}.services import handle\n\n\ndef route(request):\n    return handle(request)\n`,
  [`src/shop/${name}/api/schemas.py`]: `from dataclasses import dataclass\n\n\n@dataclass\nclass ${capital(name)}View:\n    id: int\n`,
  [`src/shop/${name}/services.py`]: `from shop.${name}.models import ${capital(name)}\n\n\ndef handle(request):\n    return ${capital(name)}(request["id"])\n`,
  [`src/shop/${name}/models.py`]: `class ${capital(name)}:\n    def __init__(self, id):\n        self.id = id\n`,
  ...extra,
});

function capital(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1, -1);
}

export const sampleBase: Readonly<Record<string, string>> = {
  "pyproject.toml": `[project]\nname = "shop"\nversion = "1.0.0"\n\n[tool.setuptools.packages.find]\nwhere = ["src"]\n`,
  ".github/archdrift.yml": sampleConfig,
  "src/shop/__init__.py": "",
  ...domain("users"),
  ...domain("orders", {
    "src/shop/orders/services.py": `from shop.orders.models import Order\nfrom shop.users.services import handle as find_user\n\n\ndef handle(request):\n    find_user(request)\n    return Order(request["id"])\n`,
  }),
  ...domain("payments"),
};

/** "Charge orders at checkout": the pull request the demo reviews. */
export const samplePullRequest: Readonly<Record<string, string>> = {
  "src/shop/orders/services.py": `from shop.orders.models import Order
from shop.users.services import handle as find_user
from shop.payments.services import charge
from shop.payments.models import PaymentStatus


def handle(request):
    find_user(request)
    order = Order(request["id"])
    if charge(order) is PaymentStatus.PAID:
        order.paid = True
    return order


def mark_paid(order):
    order.paid = True
`,
  "src/shop/payments/services.py": `from shop.payments.models import Payment, PaymentStatus
from shop.orders.services import mark_paid


def handle(request):
    return Payment(request["id"])


def charge(order):
    mark_paid(order)
    return PaymentStatus.PAID
`,
  "src/shop/payments/models.py": `import enum


class Payment:
    def __init__(self, id):
        self.id = id


class PaymentStatus(enum.Enum):
    PAID = "paid"
`,
  "src/shop/orders/models.py": `from shop.orders.api.schemas import OrderView


class Order:
    def __init__(self, id):
        self.id = id
        self.paid = False

    def view(self):
        return OrderView(self.id)
`,
};

/**
 * What `archdrift demo` adds to the sample so that every rule shows once: the other tests keep the
 * smaller sample above. The users domain carries an old lazy loop that the PR grows and an old
 * import-time loop that it breaks; the config forbids the api from reaching models directly and
 * sets a low fan-out threshold for `coupling-growth`.
 */
export const demoConfig = `${sampleConfig}forbidden:
  - { from: "src/shop/*/api/**", to: "src/shop/*/models.py", message: "the api goes through services" }
rules:
  coupling-growth: { threshold: 3 }
`;

export const demoBase: Readonly<Record<string, string>> = {
  ...sampleBase,
  ".github/archdrift.yml": demoConfig,
  "src/shop/users/models.py": `class User:
    def __init__(self, id):
        self.id = id

    def orders(self):
        from shop.users.services import handle

        return handle({"id": self.id})
`,
  "src/shop/users/api/routes.py": `from shop.users.services import handle
from shop.users.api.schemas import UserView


def route(request):
    return UserView(handle(request).id)
`,
  "src/shop/users/api/schemas.py": `from dataclasses import dataclass

from shop.users.api import routes


@dataclass
class UserView:
    id: int
`,
};

export const demoPullRequest: Readonly<Record<string, string>> = {
  ...samplePullRequest,
  "src/shop/users/audit.py": `from shop.users.models import User


def record(user: User, event: str) -> None:
    print(user.id, event)
`,
  "src/shop/users/models.py": `class User:
    def __init__(self, id):
        self.id = id

    def orders(self):
        from shop.users.services import handle

        return handle({"id": self.id})

    def audit(self, event):
        from shop.users.audit import record

        record(self, event)
`,
  "src/shop/users/api/routes.py": `from shop.users.services import handle
from shop.users.api.schemas import UserView
from shop.users.models import User


def route(request):
    return UserView(User(handle(request).id).id)
`,
  "src/shop/users/api/schemas.py": `from dataclasses import dataclass


@dataclass
class UserView:
    id: int
`,
};
