// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title The community's rules for its commons
/// @notice Owned by the community's TimelockController: only a proposal that passed the governor's
/// vote and waited out the timelock can change a rule. Collectors read the rules and follow the
/// events; every change emits one.
contract CommonsPolicy is Ownable {
    /// @notice Basis points are out of this.
    uint16 public constant BPS = 10_000;

    /// @notice Reward units one accepted signal earns (a unit is the collector's configured amount of token base units).
    uint32 public rewardPerSignal;
    /// @notice Reward units one device may earn per UTC day.
    uint32 public dailyCap;
    /// @notice A topic is released only when at least this many distinct devices contributed to it.
    uint32 public minK;
    /// @notice How often a dataset release is published, in seconds.
    uint64 public releaseCadence;
    /// @notice Share of dataset-access fees that goes to the community treasury, in basis points.
    uint16 public treasuryFeeBps;
    /// @notice The only key whose reward vouchers the community honours.
    address public voucherSigner;
    /// @notice SPDX license identifier of released datasets (e.g. "CC-BY-4.0").
    string public license;

    event RewardPerSignalChanged(uint32 previous, uint32 current);
    event DailyCapChanged(uint32 previous, uint32 current);
    event MinKChanged(uint32 previous, uint32 current);
    event ReleaseCadenceChanged(uint64 previous, uint64 current);
    event TreasuryFeeBpsChanged(uint16 previous, uint16 current);
    event VoucherSignerChanged(address indexed previous, address indexed current);
    event LicenseChanged(string previous, string current);

    error ZeroMinK();
    error ZeroReleaseCadence();
    error FeeShareAboveWhole(uint16 bps);
    error ZeroVoucherSigner();
    error InvalidLicense();

    struct Rules {
        uint32 rewardPerSignal;
        uint32 dailyCap;
        uint32 minK;
        uint64 releaseCadence;
        uint16 treasuryFeeBps;
        address voucherSigner;
        string license;
    }

    constructor(address timelock, Rules memory initial) Ownable(timelock) {
        _setRewardPerSignal(initial.rewardPerSignal);
        _setDailyCap(initial.dailyCap);
        _setMinK(initial.minK);
        _setReleaseCadence(initial.releaseCadence);
        _setTreasuryFeeBps(initial.treasuryFeeBps);
        _setVoucherSigner(initial.voucherSigner);
        _setLicense(initial.license);
    }

    /// @notice Every rule in one call, for readers that want a consistent view of one block.
    function rules() external view returns (Rules memory) {
        return Rules(rewardPerSignal, dailyCap, minK, releaseCadence, treasuryFeeBps, voucherSigner, license);
    }

    function setRewardPerSignal(uint32 value) external onlyOwner {
        _setRewardPerSignal(value);
    }

    function setDailyCap(uint32 value) external onlyOwner {
        _setDailyCap(value);
    }

    function setMinK(uint32 value) external onlyOwner {
        _setMinK(value);
    }

    function setReleaseCadence(uint64 value) external onlyOwner {
        _setReleaseCadence(value);
    }

    function setTreasuryFeeBps(uint16 value) external onlyOwner {
        _setTreasuryFeeBps(value);
    }

    function setVoucherSigner(address value) external onlyOwner {
        _setVoucherSigner(value);
    }

    function setLicense(string calldata value) external onlyOwner {
        _setLicense(value);
    }

    function _setRewardPerSignal(uint32 value) private {
        emit RewardPerSignalChanged(rewardPerSignal, value);
        rewardPerSignal = value;
    }

    function _setDailyCap(uint32 value) private {
        emit DailyCapChanged(dailyCap, value);
        dailyCap = value;
    }

    function _setMinK(uint32 value) private {
        if (value == 0) revert ZeroMinK();
        emit MinKChanged(minK, value);
        minK = value;
    }

    function _setReleaseCadence(uint64 value) private {
        if (value == 0) revert ZeroReleaseCadence();
        emit ReleaseCadenceChanged(releaseCadence, value);
        releaseCadence = value;
    }

    function _setTreasuryFeeBps(uint16 value) private {
        if (value > BPS) revert FeeShareAboveWhole(value);
        emit TreasuryFeeBpsChanged(treasuryFeeBps, value);
        treasuryFeeBps = value;
    }

    function _setVoucherSigner(address value) private {
        if (value == address(0)) revert ZeroVoucherSigner();
        emit VoucherSignerChanged(voucherSigner, value);
        voucherSigner = value;
    }

    /// @dev An SPDX id is short and printable ASCII without spaces (letters, digits, '.', '-', '+').
    function _setLicense(string memory value) private {
        bytes memory b = bytes(value);
        if (b.length == 0 || b.length > 64) revert InvalidLicense();
        for (uint256 i = 0; i < b.length; i++) {
            bytes1 c = b[i];
            bool ok = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "." || c == "-" || c == "+";
            if (!ok) revert InvalidLicense();
        }
        emit LicenseChanged(license, value);
        license = value;
    }
}
