#include "slalook.h"

using namespace Qt::StringLiterals;

namespace pd {

SlaLook slaLook(SlaState state)
{
    switch (state) {
    case SlaState::OnTrack:
        return {QColor(0xd9, 0xf2, 0xdf), QColor(0x1b, 0x6b, 0x34), u"●"_s};
    case SlaState::AtRisk:
        return {QColor(0xff, 0xec, 0xb3), QColor(0x7a, 0x4a, 0x00), u"▲"_s};
    case SlaState::Breached:
        return {QColor(0xf9, 0xd0, 0xd0), QColor(0xa3, 0x12, 0x12), u"✖"_s};
    case SlaState::Met:
        return {QColor(0xe8, 0xe8, 0xe8), QColor(0x55, 0x55, 0x55), u"✔"_s};
    case SlaState::Paused:
        // U+2016, not U+23F8 (⏸): no installed font (DejaVu, Noto CJK) has that one, it drew a
        // missing-glyph box.
        return {QColor(0xd6, 0xe6, 0xfa), QColor(0x1c, 0x4f, 0x99), u"‖"_s};
    }
    return {};
}

} // namespace pd
