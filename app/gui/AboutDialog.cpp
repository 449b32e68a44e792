#include "AboutDialog.h"
#include "ui_AboutDialog.h"

#include <QFile>
#include <QIcon>
#include <QSysInfo>

using namespace Qt::StringLiterals;

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
    , m_ui(new Ui::AboutDialog)
{
    m_ui->setupUi(this);
    m_ui->iconLabel->setPixmap(QIcon(u":/icons/gatehouse-256.png"_s).pixmap(64, 64));
    QFile license(u":/about/LICENSE.txt"_s);
    if (license.open(QIODevice::ReadOnly))
        m_ui->licenseText->setPlainText(QString::fromUtf8(license.readAll()));
    m_ui->buildText->setPlainText(buildInformation());
    retranslateUi();
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::buildInformation()
{
    QStringList lines;
    lines << u"Gatehouse Admin: "_s + QStringLiteral(GATEHOUSE_VERSION);
    lines << u"Qt: "_s + QString::fromLatin1(qVersion()) + u" (built with "_s + QStringLiteral(QT_VERSION_STR) + u')';
#if defined(__clang__)
    lines << u"Compiler: Clang "_s + QStringLiteral(__clang_version__);
#elif defined(__GNUC__)
    lines << u"Compiler: GCC "_s + QStringLiteral(__VERSION__);
#elif defined(_MSC_VER)
    lines << u"Compiler: MSVC "_s + QString::number(_MSC_VER);
#endif
    lines << u"Build type: "_s + QStringLiteral(GATEHOUSE_BUILD_TYPE);
    lines << u"Build ABI: "_s + QSysInfo::buildAbi();
    lines << u"Running on: "_s + QSysInfo::prettyProductName() + u" ("_s + QSysInfo::currentCpuArchitecture() + u')';
    return lines.join(u'\n');
}

void AboutDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void AboutDialog::retranslateUi()
{
    m_ui->titleLabel->setText(tr("<b>Gatehouse Admin</b> %1").arg(QStringLiteral(GATEHOUSE_VERSION)));
}
